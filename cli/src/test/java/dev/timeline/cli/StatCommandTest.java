package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code timeline stat} reading the counters file of an engine in this process and of one in a child
 * process. The engine publishes its counters about every millisecond, so a test reads until they
 * show what it did; the class timeout bounds the wait.
 */
@Timeout(120)
class StatCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void readsTheCountersOfARunningEngineAndKeepsThemOnceItCloses() throws Exception
    {
        final JsonNode running;
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data)))
        {
            engine.follow(1, 2);
            engine.follow(3, 2);
            engine.post(2, "counted");
            for (int i = 0; i < 3; i++)
            {
                engine.home(1, 10);
            }
            running = statUntil(data, stat -> stat.get("counters").get("homeReads").asLong() == 3);

            assertTrue(running.get("alive").asBoolean());
            assertEquals(ProcessHandle.current().pid(), running.get("pid").asLong());
            assertEquals(data.toAbsolutePath().toString(), running.get("directory").asText());
            final JsonNode counters = running.get("counters");
            assertEquals(1, counters.get("posts").asLong());
            assertEquals(2, counters.get("follows").asLong());
            assertEquals(3, counters.get("users").asLong());
            assertEquals(1, counters.get("liveTweets").asLong());
            assertTrue(counters.get("deliveries").asLong() >= 2, "the post went into its followers' home timelines");
            assertTrue(counters.get("journalIndex").asLong() >= 0);
            assertTrue(running.get("heartbeatAgeMillis").isNumber());
            assertFalse(running.has("perSecond"), "no rates from a single reading");

            final CliRun text = CliRun.run("stat", data.toString());
            assertEquals(0, text.exitCode(), text.err());
            assertTrue(text.out().startsWith("engine on " + data.toAbsolutePath() + ": running as pid " +
                ProcessHandle.current().pid() + ", up "), text.out());
            assertTrue(text.out().matches("(?s).*\n  home reads +3\n.*"), text.out());
            assertTrue(text.out().matches("(?s).*\n  journal index of the last event appended +0x\\p{XDigit}+\n.*"),
                text.out());
            assertTrue(text.out().matches("(?s).*\n  writer heartbeat +\\S+ m?s ago\n.*"), text.out());
        }

        final JsonNode closed = stat(data);
        assertEquals(running.get("counters").get("posts"), closed.get("counters").get("posts"));
        assertEquals(running.get("counters").get("follows"), closed.get("counters").get("follows"));
        assertEquals(running.get("counters").get("homeReads"), closed.get("counters").get("homeReads"));
        assertEquals(running.get("startTime"), closed.get("startTime"));
    }

    @Test
    void readsAnEngineInAnotherProcessAndWatchesItUntilItStops() throws Exception
    {
        try (ShellProcess shell = ShellProcess.start(data))
        {
            shell.send("follow 10 20");
            shell.send("post 20 seen from another process");
            shell.send("home 10");
            final JsonNode running = statUntil(data, stat -> stat.get("counters").get("homeReads").asLong() == 1);
            assertEquals(shell.process.pid(), running.get("pid").asLong());
            assertTrue(running.get("alive").asBoolean());
            assertEquals(1, running.get("counters").get("posts").asLong());

            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() ->
                CliRun.commandLine("", out, err).execute("stat", data.toString(), "--watch", "0.05", "--json"));
            while (out.toString().lines().count() < 2)
            {
                Thread.onSpinWait();
            }
            shell.write("quit");
            assertEquals(0, shell.process.waitFor());
            assertEquals(0, watch.get(), err.toString());

            final List<JsonNode> readings = jsonLines(out.toString());
            final JsonNode last = readings.get(readings.size() - 1);
            assertFalse(last.get("alive").asBoolean(), "the watch ends once the engine has stopped");
            assertEquals(1, last.get("counters").get("posts").asLong(), "the values it last wrote are kept");
            assertEquals(1, last.get("counters").get("homeReads").asLong());
            assertFalse(readings.get(0).has("perSecond"));
            for (final JsonNode reading : readings.subList(1, readings.size()))
            {
                assertTrue(reading.get("perSecond").get("posts").isNumber(), reading.toString());
                assertFalse(reading.get("perSecond").has("users"), "users is a level, not a count");
            }
            for (final JsonNode reading : readings.subList(0, readings.size() - 1))
            {
                assertTrue(reading.get("alive").asBoolean(), reading.toString());
            }
        }

        final CliRun stopped = CliRun.run("stat", "--watch", data.toString());
        assertEquals(0, stopped.exitCode(), stopped.err());
        assertEquals(1, stopped.out().split("refreshing every 1.0 s").length - 1, "one reading: " + stopped.out());
        assertTrue(stopped.out().contains(": not running: last values written by pid "), stopped.out());
    }

    @Test
    void aDirectoryWithoutACountersFileIsAFailureWithOneLine()
    {
        final CliRun run = CliRun.run("stat", data.toString(), "--json");
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(List.of("timeline: no counters file in " + data + ": no engine has run there"), run.errLines());
    }

    private static JsonNode statUntil(final Path data, final Predicate<JsonNode> shown) throws Exception
    {
        JsonNode stat = stat(data);
        while (!shown.test(stat))
        {
            Thread.onSpinWait();
            stat = stat(data);
        }
        return stat;
    }

    private static JsonNode stat(final Path data) throws Exception
    {
        final CliRun run = CliRun.run("stat", data.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.outLines().size(), run.out());
        return JSON.readTree(run.out());
    }

    private static List<JsonNode> jsonLines(final String out) throws Exception
    {
        final List<JsonNode> nodes = new ArrayList<>();
        for (final String line : out.lines().toList())
        {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void printsTheDistinctErrorsTheEngineLogged() throws Exception
    {
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data)))
        {
            engine.post(1, "snapshotted on close");
        }
        final CliRun clean = CliRun.run("stat", data.toString(), "--errors");
        assertEquals(0, clean.exitCode(), clean.err());
        assertEquals("no errors\n", clean.out());

        final Path snapshot;
        try (Stream<Path> files = Files.walk(data))
        {
            snapshot = files.filter(file -> file.toString().endsWith(".snapshot")).findFirst().orElseThrow();
        }
        Files.write(snapshot, new byte[] {1, 2, 3});
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data)))
        {
            assertEquals(1, engine.tweets(1, 10).size(), "recovered from the journal instead");
            final CliRun errors = CliRun.run("stat", data.toString(), "--errors");
            assertEquals(0, errors.exitCode(), errors.err());
            assertTrue(errors.out().startsWith("1 time(s), first "), errors.out());
            assertTrue(errors.out().contains(snapshot + " is unusable"), errors.out());
        }
        assertEquals(2, CliRun.run("stat", data.toString(), "--errors", "--json").exitCode());
    }
}
