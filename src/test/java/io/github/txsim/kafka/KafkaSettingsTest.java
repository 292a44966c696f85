package io.github.txsim.kafka;

import java.time.Duration;

import io.github.txsim.settings.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KafkaSettingsTest {

    private final CamelContext context = new DefaultCamelContext();

    private KafkaOptions options() {
        context.getPropertiesComponent().setLocation("file:application.properties");
        context.getPropertiesComponent().addOverrideProperty("kafka.bootstrapServers", "127.0.0.1:9092");
        return KafkaSettings.options(new Settings(context.getPropertiesComponent()));
    }

    @Test
    void theShippedSettingsGiveTheProducersAndTheLooksTimeouts() {
        KafkaOptions options = options();

        assertEquals(Duration.ofSeconds(30), options.deliveryTimeout());
        assertEquals(Duration.ofSeconds(20), options.apiTimeout());
    }

    @Test
    void aLookThatWouldGiveUpInUnderASecondIsRefusedWithItsKey() {
        context.getPropertiesComponent().addOverrideProperty("kafka.apiTimeout", "500ms");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::options);
        assertEquals("Property kafka.apiTimeout must be a duration with its unit, such as 500ms, 10s, 2m or 1h30m, at "
                + "least 1s, was '500ms'", e.getMessage());
    }
}
