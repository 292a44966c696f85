package io.github.txsim.kinesis;

import io.github.txsim.testing.Kinesalite;
import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.kinesis.Kinesis2Component;
import org.apache.camel.component.aws2.kinesis.Kinesis2Configuration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The start-up check of the stream, against a real emulator reached through camel-aws2-kinesis's options. */
class KinesisStreamIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    private CamelContext context;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        Kinesis2Configuration configuration = context.getComponent("aws2-kinesis", Kinesis2Component.class)
                .getConfiguration();
        KINESIS.configure(configuration).setRegion("eu-west-1");
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    @Test
    void aMissingStreamStopsTheStartWithAOneLineReason() {
        KinesisStream stream = new KinesisStream(context, "missing", false, 1);

        IllegalStateException e = assertThrows(IllegalStateException.class, stream::start);

        assertEquals("Kinesis stream 'missing' does not exist in region eu-west-1: create it, or set "
                + "kinesis.streamName", e.getMessage());
    }

    @Test
    void inLocalModeAMissingStreamIsCreatedWithTheConfiguredShards() {
        KinesisStream stream = new KinesisStream(context, "created", true, 3);

        stream.start();

        assertEquals(3, KINESIS.client().listShards(b -> b.streamName("created")).shards().size());
        stream.stop();
    }
}
