package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short loads at a low rate: whether the rate is held is read from the output, never assumed. */
class LoadCommandTest
{
    private static final String[] SMALL = { "load", "--users", "300", "--rate", "2000", "--warmup", "0", "--duration", "1" };

    @Test
    void printsTheLatencyTableAndWhetherTheRateWasHeld(@TempDir final Path temp)
    {
        final Path log = temp.resolve("run.hlog");
        final CliRun run = run("--histogram-log", log.toString());

        final String out = run.out();
        for (final String expected : new String[]{
            "[1/4] building the social graph", "[2/4] posting 1,500 tweets", "[3/4] open loop of 2,000 requests/s",
            "mix 300000:4600", "[4/4] results",
            "p50", "p90", "p99", "p99.9", "p99.99", "max", "home reads", "posts", "target 2,000 requests/s",
            "2,000 requests due", "latency log  " + log })
        {
            assertTrue(out.contains(expected), "'" + expected + "' in\n" + out);
        }
        final boolean held = out.contains("\n  rate held    yes\n");
        assertTrue(held || out.contains("\n  rate held    NO: "), out);
        assertEquals(held ? 0 : 1, run.exitCode(), run.err());
        assertEquals(held, !run.err().contains("timeline: the load did not hold 2,000 requests/s: "), run.err());
    }

    @Test
    void jsonHasEveryFigureAndAccountsForEveryRequestDue(@TempDir final Path temp) throws Exception
    {
        final CliRun run = run("--json", "--histogram-log", temp.resolve("run.hlog").toString(), "--seed", "7");

        assertEquals(1, run.outLines().size(), run.out());
        final JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(300, json.get("users").asInt());
        assertEquals("celebrity", json.get("workload").asText());
        assertEquals(7, json.get("seed").asLong());
        assertEquals("hybrid", json.get("strategy").asText());
        assertEquals(1, json.get("partitions").asInt());
        assertEquals(2000, json.get("targetPerSecond").asLong());
        assertEquals(300_000, json.at("/mix/reads").asLong());
        assertEquals(4_600, json.at("/mix/posts").asLong());
        for (final String field : new String[]{ "threads", "warmupSeconds", "durationSeconds", "elapsedSeconds",
            "achievedPerSecond", "prefillPosts", "reads/count", "reads/perSecond", "posts/rejected", "schedule/maxLagNanos",
            "schedule/lagAtEndNanos", "schedule/allowedLagNanos", "shortfall", "histogramLog" })
        {
            assertFalse(json.at("/" + field).isMissingNode(), field + " in " + json);
        }
        for (final String kind : new String[]{ "reads", "posts" })
        {
            for (final String percentile : new String[]{ "p50", "p90", "p99", "p99.9", "p99.99", "max" })
            {
                assertTrue(json.get(kind).get("latencyNanos").get(percentile).isNumber(), kind + " " + percentile);
            }
        }
        assertEquals(2000, json.at("/schedule/due").asLong());
        assertEquals(2000, json.at("/reads/count").asLong() + json.at("/posts/count").asLong() +
            json.at("/posts/rejected").asLong() + json.at("/schedule/unsent").asLong(), "every request due accounted for");
        final boolean held = json.get("rateHeld").asBoolean();
        assertEquals(held ? 0 : 1, run.exitCode(), run.err());
        assertEquals(held, json.get("shortfall").isNull());
        assertFalse(run.err().isEmpty(), "the narrative and progress go to stderr");
    }

    @Test
    void theMixSetsTheShareOfEachKind()
    {
        final CliRun run = run("--json", "--mix", "1:3", "--histogram-log", "/dev/null");
        final JsonNode json = readJson(run);
        if (json.at("/schedule/unsent").asLong() == 0 && json.at("/posts/rejected").asLong() == 0)
        {
            assertEquals(500, json.at("/reads/count").asLong());
            assertEquals(1500, json.at("/posts/count").asLong());
        }
        final JsonNode readsOnly = readJson(run("--json", "--mix", "1:0", "--histogram-log", "/dev/null"));
        assertEquals(0, readsOnly.at("/posts/count").asLong());
        assertEquals(2000, readsOnly.at("/reads/count").asLong() + readsOnly.at("/schedule/unsent").asLong());
    }

    @Test
    void theHistogramLogHoldsEveryMeasuredLatencyByTag(@TempDir final Path temp) throws Exception
    {
        final Path log = temp.resolve("latency.hlog");
        final JsonNode json = readJson(run("--json", "--histogram-log", log.toString()));
        assertEquals(log.toString(), json.get("histogramLog").asText());

        final Map<String, Long> counts = new HashMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile()))
        {
            EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null)
            {
                counts.merge(interval.getTag(), ((org.HdrHistogram.Histogram)interval).getTotalCount(), Long::sum);
            }
        }
        assertEquals(json.at("/reads/count").asLong(), counts.get(IntervalLog.READ_TAG));
        assertEquals(json.at("/posts/count").asLong(), counts.get(IntervalLog.POST_TAG));
        assertTrue(Files.readString(log).contains("timeline load: 300 users"), "the log says what it measured");
    }

    @Test
    void withoutALogFileNamedItSavesOneInTheTemporaryDirectory() throws Exception
    {
        final JsonNode json = readJson(run("--json"));
        final Path log = Path.of(json.get("histogramLog").asText());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toRealPath(), log.getParent().toRealPath());
        assertTrue(log.getFileName().toString().startsWith("timeline-load-"), log.toString());
        assertTrue(Files.size(log) > 0);
        Files.delete(log);
    }

    @Test
    void aDryRunSendsToNoEngineAndSaysWhatTheGeneratorAloneCanSend(@TempDir final Path temp) throws Exception
    {
        final CliRun run = run("--dry-run", "--histogram-log", temp.resolve("dry.hlog").toString());
        final String out = run.out();
        for (final String expected : new String[]{ "no engine (a dry run)", "data directory: none", "[4/4] results",
            "2,000 requests due", "  generator    its own work " })
        {
            assertTrue(out.contains(expected), "'" + expected + "' in\n" + out);
        }
        assertFalse(out.contains("[1/4]"), "nothing to prepare:\n" + out);

        final JsonNode json = readJson(run("--dry-run", "--json", "--histogram-log", temp.resolve("dry.hlog").toString()));
        assertEquals(0, json.get("partitions").asInt());
        assertTrue(json.at("/generator/maxPerSecondPerThread").asLong() > 0, json.toString());
        assertEquals(2000, json.at("/reads/count").asLong() + json.at("/posts/count").asLong() +
            json.at("/schedule/unsent").asLong(), "every request due accounted for");
    }

    private static JsonNode readJson(final CliRun run)
    {
        try
        {
            return new ObjectMapper().readTree(run.out());
        }
        catch (final Exception ex)
        {
            throw new AssertionError("not JSON: " + run.out() + run.err(), ex);
        }
    }

    private static CliRun run(final String... args)
    {
        final String[] all = new String[SMALL.length + args.length];
        System.arraycopy(SMALL, 0, all, 0, SMALL.length);
        System.arraycopy(args, 0, all, SMALL.length, args.length);
        return CliRun.run(all);
    }
}
