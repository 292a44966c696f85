package io.github.txsim.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says where health and metrics are served, as the server binds them: Camel's own summary prints 0.0.0.0 whatever
 * {@code camel.management.host} says, so log4j2.properties keeps it at WARN and this line replaces it.
 */
final class ManagementAddress {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementAddress.class);

    private ManagementAddress() {
    }

    static void log(AppProperties properties) {
        if (!properties.flag("camel.management.enabled")) {
            return;
        }
        String base = "http://" + properties.text("camel.management.host") + ":"
                + properties.text("camel.management.port") + "/observe/";
        LOG.info("Health and metrics at {}health and {}metrics", base, base);
    }
}
