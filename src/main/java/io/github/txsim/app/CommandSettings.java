package io.github.txsim.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.github.txsim.publish.Destinations;
import org.apache.camel.util.IOHelper;
import picocli.CommandLine;

/**
 * Where every command finds its settings, in one order, lowest first: the built-in application.properties, the working
 * directory's, a settings file the user names ({@code -Dapp.settingsFile=FILE} or {@code APP_SETTINGSFILE=FILE}), an
 * environment variable named as Camel names it ({@code SIMULATOR_CUSTOMERS=100}), a system property
 * ({@code -Dsimulator.customers=100}), and for the jar's commands ({@code generate}, {@code verify}, {@code report}) a
 * command-line option. The service hands the files to Camel's properties component ({@link #propertyLocations()}),
 * which puts the environment and system properties above them; the commands read them here, key by key in the same
 * order: an option names its key by its {@code descriptionKey}, and its default is the key's value here. Either way the
 * values are then checked by {@link Settings}.
 */
final class CommandSettings implements CommandLine.IDefaultValueProvider {

    private static final String FILE = "application.properties";
    /** The key that names the user's settings file: it can only come from a system property or the environment. */
    static final String SETTINGS_FILE = AllSettings.SETTINGS_FILE.key();
    /**
     * The {@code descriptionKey} of an option whose default is the name of the stream, topic or folder that
     * {@code publish.sink} chooses (its {@link io.github.txsim.publish.DestinationType#nameKey}).
     */
    static final String DESTINATION_NAME = "publish.sink.name";

    private final Properties files;

    private CommandSettings(Properties files) {
        this.files = files;
    }

    /**
     * The settings, each of their keys checked: a key under the application's prefixes that is not one of its settings
     * ({@link SettingKeys}) is refused wherever it is set (a system property, a settings file, an environment
     * variable).
     *
     * @throws IllegalArgumentException naming such a key, where it is set, and the nearest key that exists
     */
    static CommandSettings load() {
        SettingKeys keys = new SettingKeys(AllSettings.table());
        keys.check(System.getProperties().stringPropertyNames(), "a system property");
        keys.checkEnvironment(System.getenv().keySet());
        Properties properties = new Properties();
        try (InputStream builtIn = CommandSettings.class.getClassLoader().getResourceAsStream(FILE)) {
            if (builtIn != null) {
                properties.load(new InputStreamReader(builtIn, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in settings: " + e.getMessage(), e);
        }
        Optional<Path> named = namedFile();
        for (Path file : named.isPresent() ? List.of(Path.of(FILE), named.get()) : List.of(Path.of(FILE))) {
            if (Files.isRegularFile(file)) {
                Properties own = read(file);
                keys.check(own.stringPropertyNames(), "in " + file.toAbsolutePath().normalize());
                properties.putAll(own);
            }
        }
        return new CommandSettings(properties);
    }

    /**
     * The settings files for Camel's properties component, the first that has a key giving its value: the user's file
     * (when named), the working directory's application.properties, the built-in one.
     */
    static String propertyLocations() {
        String files = "file:" + FILE + ";optional=true,classpath:" + FILE + ";optional=true";
        return namedFile().map(file -> "file:" + file + "," + files).orElse(files);
    }

    /**
     * The settings file the user named, if any.
     *
     * @throws IllegalArgumentException when it names no readable file: a file named and not read would go unheeded
     */
    static Optional<Path> namedFile() {
        return fromEnvironment(SETTINGS_FILE).map(String::strip).filter(name -> !name.isEmpty()).map(name -> {
            Path file = Path.of(name).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException(SETTINGS_FILE + " names " + file + ", which is not a file that can "
                        + "be read");
            }
            return file;
        });
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the settings in " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    /** The key's system property, else its environment variable. */
    private static Optional<String> fromEnvironment(String key) {
        String value = System.getProperty(key);
        return Optional.ofNullable(value != null ? value : IOHelper.lookupEnvironmentVariable(key));
    }

    /** The key's value: its system property, else its environment variable, else the settings files'. */
    Optional<String> value(String key) {
        return fromEnvironment(key).or(() -> Optional.ofNullable(files.getProperty(key)));
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (argument instanceof CommandLine.Model.OptionSpec option && !option.descriptionKey().isEmpty()) {
            String key = option.descriptionKey();
            if (key.equals(DESTINATION_NAME)) {
                try {
                    key = Destinations.available().named(value(Destinations.SINK).orElse("")).nameKey();
                } catch (IllegalArgumentException e) {
                    return null; // the command names the bad publish.sink when it runs
                }
            }
            return value(key).orElse(null);
        }
        return null;
    }
}
