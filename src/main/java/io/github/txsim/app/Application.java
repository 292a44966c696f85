package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.main.Main;

/**
 * Starts the Transaction Stream Simulator on Camel Main. {@code application.properties} and the YAML routes in
 * {@code routes/} are read from the working directory, so an operator can change them without a rebuild; the copies
 * built into the jar serve where the working directory has none.
 */
public final class Application {

    /** The working directory's file overrides the built-in one, key by key. */
    static final String PROPERTY_LOCATIONS =
            "classpath:application.properties;optional=true,file:application.properties;optional=true";

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        TransactionStreamConfiguration configuration = new TransactionStreamConfiguration();
        Main main = new Main();
        main.setPropertyPlaceholderLocations(PROPERTY_LOCATIONS);
        main.configure().addConfiguration(configuration);
        main.configure().withRoutesIncludePattern(routesIncludePattern(Path.of("routes")));
        int status = main.run(args);
        if (status == 0 && configuration.runOnceHadFailures()) {
            status = 1;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    static String routesIncludePattern(Path routesFolder) {
        return Files.isDirectory(routesFolder) ? "file:" + routesFolder + "/*.yaml" : "classpath:routes/*.yaml";
    }
}
