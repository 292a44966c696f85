package io.github.txsim.app;

import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says where health and metrics are served, as the server binds them: Camel's own summary prints 0.0.0.0 whatever
 * {@code camel.management.host} says, so log4j2.properties keeps it at WARN and this line replaces it.
 * <p>
 * Camel Main configures its management server from system properties and the properties files, and skips
 * environment variables whose names end in {@code _PORT} (Kubernetes sets such variables for its services): so the
 * port is read here the same way, and a {@code CAMEL_MANAGEMENT_PORT} that Camel ignores is named in a WARN.
 */
final class ManagementAddress {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementAddress.class);
    private static final String PORT = "camel.management.port";
    private static final String PORT_VARIABLE = "CAMEL_MANAGEMENT_PORT";

    private ManagementAddress() {
    }

    static void log(Settings properties, PropertiesComponent component) {
        if (!properties.get(Setting.flag("camel.management.enabled"))) {
            return;
        }
        String port = System.getProperty(PORT);
        if (port == null) {
            // the files' value (and a test's or an embedding program's own properties), without the environment
            port = component.loadProperties(PORT::equals).getProperty(PORT, properties.text(PORT));
            String ignored = System.getenv(PORT_VARIABLE);
            if (ignored != null) {
                LOG.warn("{}={} is ignored: Camel skips environment variables whose names end in _PORT (Kubernetes "
                        + "sets such variables for its services); set {} with -D or in application.properties",
                        PORT_VARIABLE, ignored, PORT);
            }
        }
        String base = "http://" + properties.text("camel.management.host") + ":" + port + "/observe/";
        LOG.info("Health and metrics at {}health and {}metrics", base, base);
    }
}
