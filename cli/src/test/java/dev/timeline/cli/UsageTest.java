package dev.timeline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageTest
{
    @ParameterizedTest
    @ValueSource(strings = { "", "demo", "load", "shell", "replay", "dump", "stat", "node", "cluster" })
    void helpExitsZeroAndShowsExamples(final String command)
    {
        final CliRun run = command.isEmpty() ? CliRun.run("--help") : CliRun.run(command, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: timeline " + command), run.out());
        assertTrue(run.out().contains("Examples:"), run.out());
        assertTrue(run.out().contains("  timeline " + command), run.out());
        assertEquals("", run.err());
    }

    @Test
    void theClusterDemoHelpShowsExamples()
    {
        final CliRun run = CliRun.run("cluster", "demo", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: timeline cluster demo"), run.out());
        assertTrue(run.out().contains("Examples:\n  timeline cluster demo"), run.out());
    }

    @Test
    void versionNamesTheRelease()
    {
        final CliRun run = CliRun.run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("timeline 0."), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "demo --nope", "demo --users lots", "shell --strategy sideways", "dump", "frobnicate",
        "dump /tmp --from 12z", "demo --duration 0", "demo --capacity 0", "stat /tmp --watch 0",
        "stat /tmp --serve 0 --watch", "stat /tmp --serve 0 --json", "stat /tmp --serve 65536", "stat /tmp --serve port",
        "stat /tmp --bind 0.0.0.0", "load --rate 0",
        "load --rate lots", "load --mix 3", "load --mix 0:0", "load --threads 0", "load --duration 0", "load --warmup -1",
        "load --max-lag -1", "load --prefill -1", "load --users 1", "load --workload sideways", "load --strategy sideways",
        "node --id 0 --data /tmp/m0", "node --members localhost:20000 --data /tmp/m0",
        "node --id 3 --members localhost:20000,localhost:20010,localhost:20020 --data /tmp/m0",
        "node --id 0 --members localhost --data /tmp/m0", "node --id 0 --members localhost:65530 --data /tmp/m0",
        "node --id 0 --members localhost:20000 --data /tmp/m0 --json",
        "node --id 0 --members localhost:20000 --data /tmp/m0 --timeout 0",
        "node --id 0 --members localhost:20000 --data /tmp/m0 --partitions 2",
        "shell --cluster localhost:20000 --data /tmp/tl", "shell --cluster localhost:20000 --partitions 2",
        "shell --secret-file /tmp/secret", "shell --timeout 5", "shell --cluster localhost:20000 --timeout 0",
        "load --cluster localhost:20000 --strategy push", "load --cluster localhost:20000 --keep",
        "load --secret-file /tmp/secret", "cluster", "cluster frobnicate", "cluster demo --users 1",
        "cluster demo --rate 0", "cluster demo --duration 1", "cluster demo --kill-after 0" })
    void aUsageErrorExitsTwoWithOneLineNamingTheCommand(final String args)
    {
        final CliRun run = CliRun.run(args.isEmpty() ? new String[0] : args.split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("timeline"), run.err());
        assertTrue(run.err().contains("--help"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingDirectoryIsAFailureWithOneLine(@TempDir final Path temp)
    {
        for (final String command : List.of("replay", "dump", "stat"))
        {
            final CliRun run = CliRun.run(command, temp.resolve("nowhere").toString());
            assertEquals(1, run.exitCode());
            assertEquals(List.of("timeline: no such directory: " + temp.resolve("nowhere")), run.errLines());
        }
    }

    @Test
    void anInternalErrorIsOneLineNamingTheLogThatHoldsTheDetail() throws Exception
    {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = new CommandLine(new TimelineCli(new ByteArrayInputStream(new byte[0])));
        commandLine.setErr(new PrintWriter(err, true));

        final int exitCode = new FailureHandler().handleExecutionException(
            new IllegalStateException("boom"), commandLine, null);

        assertEquals(1, exitCode);
        final String line = err.toString().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.startsWith("timeline: internal error: java.lang.IllegalStateException: boom (details in "), line);
        final Path log = Path.of(line.substring(line.indexOf("details in ") + 11, line.length() - 1));
        assertTrue(Files.readString(log).contains("at dev.timeline.cli.UsageTest"), "stack trace in the log");
        Files.delete(log);
    }
}
