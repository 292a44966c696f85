package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Transaction Stream Simulator on Camel Main. {@code application.properties} and the YAML routes in
 * {@code routes/} are read from the working directory, so an operator can change them without a rebuild; the copies
 * built into the jar serve where the working directory has none; a settings file the user names goes above them
 * ({@link CommandSettings}). With a command as its first argument it runs that
 * instead: {@code generate} ({@link GenerateCommand}), {@code verify} ({@link VerifyCommand}) or {@code report}
 * ({@link ReportCommand}).
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    /** The command that generates files instead of running the application. */
    static final String GENERATE = "generate";
    /** The command that reads the stream back and reconciles it with files. */
    static final String VERIFY = "verify";
    /** The command that writes an HTML report of transaction files. */
    static final String REPORT = "report";
    private static final Set<String> HELP = Set.of("-h", "--help", "help");

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(GENERATE)) {
            System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), Clock.systemDefaultZone()));
        }
        if (args.length > 0 && args[0].equals(VERIFY)) {
            System.exit(VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals(REPORT)) {
            System.exit(ReportCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && HELP.contains(args[0])) {
            // the application's own help, not Camel Main's generic runner options
            System.out.print(ApplicationHelp.TEXT);
            return;
        }
        String settings;
        try {
            CommandSettings.load(); // its keys checked before anything starts
            settings = CommandSettings.propertyLocations();
        } catch (RuntimeException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        TransactionStreamConfiguration configuration = new TransactionStreamConfiguration();
        Main main = new Main();
        main.setPropertyPlaceholderLocations(settings);
        main.configure().addConfiguration(configuration);
        main.configure().withRoutesIncludePattern(routesIncludePattern(Path.of("routes")));
        int status;
        try {
            status = main.run(args);
        } catch (Exception e) {
            LOG.error("Cannot start: {}", reason(e).getMessage());
            LOG.debug("Start-up failure", e);
            // Camel Main's JVM shutdown hook would report the exit below as a SIGTERM: the run is over already
            main.getShutdownStrategy().shutdown();
            status = 1;
        }
        if (status == 0 && configuration.hadFailures()) {
            status = 1;
        }
        // also on success: a library's lingering thread (Netty's global event executor, which Vert.x's stop wakes)
        // would keep the JVM up a second longer for nothing
        System.exit(status);
    }

    /** The first cause that is not one of Camel's wrappers: its message says what is wrong. */
    static Throwable reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getClass().getName().startsWith("org.apache.camel.") && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The routes the jar holds, named one by one: for a wildcard, Camel reads every entry of the jar (tens of MB), and
     * it looks for routes three times at start, 0.7 s each. ApplicationTest holds the list to the routes folder.
     */
    static final List<String> BUILT_IN_ROUTES = List.of("error-handling.yaml", "generate.yaml", "publish.yaml");

    /** The working directory's routes folder when there is one, else the jar's copies: locations, comma-separated. */
    static String routesIncludePattern(Path routesFolder) {
        return Files.isDirectory(routesFolder) ? "file:" + routesFolder + "/*.yaml"
                : BUILT_IN_ROUTES.stream().map(name -> "classpath:routes/" + name).collect(Collectors.joining(","));
    }
}
