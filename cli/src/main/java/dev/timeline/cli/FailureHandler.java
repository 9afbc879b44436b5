package dev.timeline.cli;

import dev.timeline.engine.TimelineException;
import dev.timeline.journal.JournalException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Turns every failure into one line on stderr and an exit status: 2 for a usage error, 1 for
 * anything else. A user mistake gets its message; an unexpected error also gets the file its
 * stack trace was written to, so no trace is ever printed at the user.
 */
final class FailureHandler implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler
{
    @Override
    public int handleParseException(final CommandLine.ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        final String command = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(command + ": " + ex.getMessage() + " (see '" + command + " --help')");
        return CommandLine.ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(
        final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        final String userMessage = userMessage(ex);
        if (userMessage != null)
        {
            err.println("timeline: " + userMessage);
        }
        else
        {
            err.println("timeline: internal error: " + ex + " (" + logged(ex) + ")");
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The message to show for a failure the user can do something about, or null for an internal error. */
    static String userMessage(final Throwable ex)
    {
        if (ex instanceof CliException || ex instanceof TimelineException || ex instanceof JournalException ||
            ex instanceof IllegalArgumentException)
        {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException)
        {
            return userMessage(ex.getCause());
        }
        if (ex instanceof NoSuchFileException)
        {
            return "no such file or directory: " + ((NoSuchFileException)ex).getFile();
        }
        if (ex instanceof NotDirectoryException)
        {
            return "not a directory: " + ((NotDirectoryException)ex).getFile();
        }
        if (ex instanceof AccessDeniedException)
        {
            return "permission denied: " + ((AccessDeniedException)ex).getFile();
        }
        if (ex instanceof FileAlreadyExistsException)
        {
            return "already exists: " + ((FileAlreadyExistsException)ex).getFile();
        }
        if (ex instanceof IOException)
        {
            return ex.getMessage();
        }
        return null;
    }

    private static String logged(final Exception ex)
    {
        try
        {
            final Path log = Files.createTempFile("timeline-error-", ".log");
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(log)))
            {
                ex.printStackTrace(writer);
            }
            return "details in " + log;
        }
        catch (final IOException | RuntimeException logFailure)
        {
            return "details could not be saved: " + logFailure.getMessage();
        }
    }
}
