package io.github.txsim.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import picocli.CommandLine;

/**
 * The defaults of a command's options: the values of application.properties, found as the application finds them
 * ({@link Application#PROPERTY_LOCATIONS}: the working directory's file key by key over the built-in copy). An option
 * names its key by its {@code descriptionKey}, as picocli's {@link CommandLine.PropertiesDefaultProvider} expects.
 */
final class PropertyDefaults {

    private static final String FILE = "application.properties";

    private PropertyDefaults() {
    }

    static CommandLine.IDefaultValueProvider fromApplicationProperties() {
        Properties properties = new Properties();
        try (InputStream builtIn = PropertyDefaults.class.getClassLoader().getResourceAsStream(FILE)) {
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
        return new CommandLine.PropertiesDefaultProvider(properties);
    }
}
