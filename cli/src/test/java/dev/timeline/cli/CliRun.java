package dev.timeline.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of the {@code timeline} command with its output captured. */
record CliRun(int exitCode, String out, String err)
{
    static CliRun run(final String... args)
    {
        return runWithInput("", args);
    }

    static CliRun runWithInput(final String stdin, final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = commandLine(stdin, out, err).execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /**
     * The {@code timeline} command line reading {@code stdin} and writing to {@code out} and
     * {@code err}, which can be read while it runs on another thread.
     */
    static CommandLine commandLine(final String stdin, final StringWriter out, final StringWriter err)
    {
        final CommandLine commandLine = TimelineCli.commandLine(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    List<String> outLines()
    {
        return out.lines().toList();
    }

    List<String> errLines()
    {
        return err.lines().toList();
    }
}
