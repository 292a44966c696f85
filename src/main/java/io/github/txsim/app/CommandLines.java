package io.github.txsim.app;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.txsim.settings.Settings;
import picocli.CommandLine;

/**
 * What the jar's commands ({@code generate}, {@code verify}, {@code report}) share: their defaults from the
 * settings ({@link CommandSettings}), their options read as settings ({@link #settings}), a bad command line answered
 * in one line with exit status 2, a failure in one line with exit status 1, and the version line.
 */
final class CommandLines {

    private CommandLines() {
    }

    /** Runs a picocli command with the arguments; returns its exit status. */
    static int execute(Object command, String[] args) {
        CommandLine commandLine = new CommandLine(command);
        CommandSettings settings;
        try {
            settings = CommandSettings.load();
        } catch (RuntimeException e) {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + e.getMessage());
            return 1;
        }
        return commandLine.setDefaultValueProvider(settings)
                .setParameterExceptionHandler(CommandLines::badCommandLine)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println(line.getCommandName() + ": " + reason(e));
                    return 1;
                })
                .execute(args);
    }

    /**
     * A command's settings: the value of each option that names a key (its {@code descriptionKey}), given or defaulted,
     * named in messages as the option; the other keys from {@link CommandSettings}.
     */
    static Settings settings(CommandLine.Model.CommandSpec command) {
        Map<String, CommandLine.Model.OptionSpec> options = new HashMap<>();
        for (CommandLine.Model.OptionSpec option : command.options()) {
            if (!option.descriptionKey().isEmpty()) {
                options.put(option.descriptionKey(), option);
            }
        }
        CommandSettings others = command.defaultValueProvider() instanceof CommandSettings settings ? settings
                : CommandSettings.load();
        return new Settings(key -> options.containsKey(key)
                ? Optional.ofNullable(options.get(key).getValue()).map(String::valueOf) : others.value(key),
                key -> options.containsKey(key) ? options.get(key).longestName() + " (" + key + ")" : "Property " + key);
    }

    /** What went wrong, in one line: for a file the JDK names only the path, so the kind of failure is added. */
    static String reason(Exception e) {
        if (e instanceof FileSystemException file) {
            String what = file.getReason() != null ? file.getReason()
                    : file instanceof NoSuchFileException ? "no such file or folder"
                    : file instanceof AccessDeniedException ? "permission denied"
                    : file.getClass().getSimpleName();
            return file.getFile() + ": " + what;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** One line, not the whole usage: the usage is one --help away. */
    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandName();
        e.getCommandLine().getErr().println(command + ": " + e.getMessage() + " (see '" + command + " --help')");
        return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The version line of --version: the jar's, as Maven built it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CommandLines.class.getPackage().getImplementationVersion();
            return new String[] {"Transaction Stream Simulator " + (version == null ? "(development build)" : version)};
        }
    }
}
