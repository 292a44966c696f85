package io.github.txsim.app;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;

/**
 * What the jar's commands ({@code generate}, {@code verify}, {@code report}) share: their defaults from
 * application.properties ({@link PropertyDefaults}), a bad command line answered in one line with exit status 2, a
 * failure in one line with exit status 1, and the version line.
 */
final class CommandLines {

    private CommandLines() {
    }

    /** Runs a picocli command with the arguments; returns its exit status. */
    static int execute(Object command, String[] args) {
        return new CommandLine(command)
                .setDefaultValueProvider(PropertyDefaults.fromApplicationProperties())
                .setParameterExceptionHandler(CommandLines::badCommandLine)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println(line.getCommandName() + ": " + reason(e));
                    return 1;
                })
                .execute(args);
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
