package io.github.txsim.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.apache.camel.util.IOHelper;
import picocli.CommandLine;

/**
 * The settings of the jar's commands ({@code generate}, {@code verify}, {@code report}), found in the order the
 * service finds them through Camel's properties component: a system property ({@code -Dsimulator.customers=100}) over
 * an environment variable named as Camel names it ({@code SIMULATOR_CUSTOMERS=100}) over application.properties (the
 * working directory's file, key by key over the built-in copy, as {@link Application#PROPERTY_LOCATIONS}). A
 * command-line option is above them all: an option names its key by its {@code descriptionKey}, and its default is the
 * key's value here; the values are then checked as the service checks them ({@link AppProperties}).
 */
final class CommandSettings implements CommandLine.IDefaultValueProvider {

    private static final String FILE = "application.properties";

    private final Properties files;

    private CommandSettings(Properties files) {
        this.files = files;
    }

    static CommandSettings load() {
        Properties properties = new Properties();
        try (InputStream builtIn = CommandSettings.class.getClassLoader().getResourceAsStream(FILE)) {
            if (builtIn != null) {
                properties.load(new InputStreamReader(builtIn, StandardCharsets.UTF_8));
            }
            Path working = Path.of(FILE);
            if (Files.isRegularFile(working)) {
                try (Reader reader = Files.newBufferedReader(working, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE + ": " + e.getMessage(), e);
        }
        return new CommandSettings(properties);
    }

    /** The key's value: its system property, else its environment variable, else application.properties's. */
    Optional<String> value(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = IOHelper.lookupEnvironmentVariable(key);
        }
        return Optional.ofNullable(value != null ? value : files.getProperty(key));
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (argument instanceof CommandLine.Model.OptionSpec option && !option.descriptionKey().isEmpty()) {
            return value(option.descriptionKey()).orElse(null);
        }
        return null;
    }
}
