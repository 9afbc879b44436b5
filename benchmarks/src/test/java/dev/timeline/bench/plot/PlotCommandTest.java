package dev.timeline.bench.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotCommandTest
{
    @TempDir
    Path temp;

    @Test
    void writesAPngOfTheExpectedSizeForEveryChart() throws IOException
    {
        final Path results = resultsDirectory();
        final Path charts = temp.resolve("charts");

        final Run run = plot(results.toString(), charts.toString());

        assertEquals(PlotCommand.OK, run.exitCode, run.err);
        final List<String> expected = List.of(
            "run-posts-by-partitions", "run-deliveries-by-partitions", "run-reads-by-partitions",
            "run-fan-out-against-random-writes", "run-post-path-against-chronicle-append", "latency-percentiles",
            "baselines-per-second", "baselines-us");
        for (final String name : expected)
        {
            final Path png = charts.resolve(name + ".png");
            assertTrue(run.out.contains("wrote " + png), run.out);
            final BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, name);
            assertEquals(ChartRenderer.WIDTH, image.getWidth(), name);
            assertEquals(ChartRenderer.HEIGHT, image.getHeight(), name);
        }
        try (var files = Files.list(charts))
        {
            assertEquals(expected.size(), files.count());
        }
    }

    @Test
    void drawsThroughputAgainstPartitionsPerStrategy() throws IOException
    {
        final Map<String, Chart> charts = charts(resultsDirectory());

        final Chart posts = charts.get("run-posts-by-partitions");
        assertEquals(Chart.Kind.LINES, posts.kind());
        assertEquals(List.of("PUSH", "HYBRID"), names(posts));
        for (final Chart.Series series : posts.series())
        {
            assertEquals(List.of("1", "2"), series.x());
            final String strategy = series.name();
            assertEquals(
                List.of(ResultFixtures.fanOutPosts(strategy, 1), ResultFixtures.fanOutPosts(strategy, 2)), series.y());
        }
        assertEquals(10 * ResultFixtures.fanOutPosts("HYBRID", 2),
            charts.get("run-deliveries-by-partitions").series().get(1).y().get(1));

        final Chart reads = charts.get("run-reads-by-partitions");
        assertEquals(1, reads.series().size(), "only the throughput mode");
        assertEquals(List.of(ResultFixtures.homeReads(1), ResultFixtures.homeReads(2)), reads.series().get(0).y());
    }

    @Test
    void eachRunMakesItsOwnCharts() throws IOException
    {
        final Path results = Files.createDirectory(temp.resolve("runs"));
        ResultFixtures.writeJmh(results.resolve("monday.json"));
        ResultFixtures.writeJmh(results.resolve("tuesday.json"));

        final Map<String, Chart> charts = charts(results);

        assertEquals(10, charts.size(), charts.keySet().toString());
        assertEquals(
            charts.get("monday-fan-out-against-random-writes").series(),
            charts.get("tuesday-fan-out-against-random-writes").series());
    }

    @Test
    void labelsTheEngineWithItsFractionOfTheLimit() throws IOException
    {
        final Map<String, Chart> charts = charts(resultsDirectory());

        final Chart.Series fanOut = charts.get("run-fan-out-against-random-writes").series().get(0);
        assertEquals("write16Bytes (limit)", fanOut.x().get(0));
        assertEquals(ResultFixtures.LIMIT, fanOut.y().get(0));
        assertEquals("PUSH partitions=1: 5.0%", fanOut.x().get(1));
        assertEquals(10 * ResultFixtures.fanOutPosts("PUSH", 1), fanOut.y().get(1));

        final Chart.Series postPath = charts.get("run-post-path-against-chronicle-append").series().get(0);
        assertEquals(List.of("rawChronicleAppend (limit)", "postAsync: 25.0%"), postPath.x());
        assertEquals(List.of(ResultFixtures.APPEND_LIMIT, ResultFixtures.APPEND_LIMIT / 4), postPath.y());
    }

    @Test
    void drawsTheEngineAgainstEachBaselineByUnit() throws IOException
    {
        final Map<String, Chart> charts = charts(resultsDirectory());

        final Chart rates = charts.get("baselines-per-second");
        assertEquals(List.of("engine-push", "naive", "redis"), names(rates));
        assertEquals(List.of("post_throughput", "read_throughput"), rates.series().get(0).x());
        assertEquals(List.of(300_000.0, 400_000.0), rates.series().get(0).y());
        assertEquals(Arrays.asList(100_000.0, null), rates.series().get(1).y(), "naive has no read figure");
        assertTrue(rates.logY(), "1,000 to 400,000 spans orders of magnitude");

        final Chart latency = charts.get("baselines-us");
        assertEquals(List.of(8.0), latency.series().get(0).y());
        assertFalse(latency.logY());
    }

    @Test
    void drawsLatencyPercentilesPerTagInMicroseconds() throws IOException
    {
        final Chart chart = charts(resultsDirectory()).get("latency-percentiles");

        assertEquals(Chart.Kind.PERCENTILES, chart.kind());
        assertEquals(List.of("read", "post"), names(chart));
        final Chart.Series reads = chart.series().get(0);
        assertEquals(1.0, (Double)reads.x().get(0), "the curve starts at the 0th percentile");
        assertEquals(ResultFixtures.FAST_READ / 1000.0, reads.y().get(0), 0.001);
        assertEquals(ResultFixtures.SLOW_READ / 1000.0, reads.y().get(reads.y().size() - 1), 0.1);
        for (int i = 0; i < reads.x().size(); i++)
        {
            final double x = (Double)reads.x().get(i);
            final double micros = reads.y().get(i);
            if (x < 9)
            {
                assertEquals(ResultFixtures.FAST_READ / 1000.0, micros, 0.001, "below the 89th percentile, at x " + x);
            }
            else if (x > 11)
            {
                assertEquals(ResultFixtures.SLOW_READ / 1000.0, micros, 0.1, "above the 91st percentile, at x " + x);
            }
        }
        assertEquals(ResultFixtures.POST / 1000.0, chart.series().get(1).y().get(0), 0.5);
    }

    @Test
    void namesCurvesByFileWhenThereAreSeveralLogs() throws IOException
    {
        final Path results = Files.createDirectory(temp.resolve("logs"));
        ResultFixtures.writeHistogramLog(results.resolve("a.hlog"), true);
        ResultFixtures.writeHistogramLog(results.resolve("b.hlog"), false);

        assertEquals(
            List.of("a.hlog read", "a.hlog post", "b.hlog"), names(charts(results).get("latency-percentiles")));
    }

    @Test
    void skipsUnrecognisedFilesWithANote() throws IOException
    {
        final Path results = resultsDirectory();
        Files.writeString(results.resolve("notes.txt"), "not a result");
        Files.writeString(results.resolve("other.json"), "{\"a\": 1}");
        Files.writeString(results.resolve("broken.json"), "[{");
        Files.writeString(results.resolve("empty.hlog"), "");

        final Run run = plot(results.toString(), temp.resolve("charts").toString());

        assertEquals(PlotCommand.OK, run.exitCode, run.err);
        assertEquals(4, run.err.lines().count(), run.err);
        assertSkipped(run, results.resolve("notes.txt"), "neither a .json nor an .hlog file");
        assertSkipped(run, results.resolve("other.json"), "neither JMH results");
        assertSkipped(run, results.resolve("broken.json"), "not valid JSON");
        assertSkipped(run, results.resolve("empty.hlog"), "holds no interval histogram");
    }

    @Test
    void nothingToPlotExitsTwoWithOneLine() throws IOException
    {
        final Path empty = Files.createDirectory(temp.resolve("empty"));
        final Path charts = temp.resolve("charts");
        assertUsage(plot(empty.toString(), charts.toString()), "plot: no result file recognised in " + empty);
        assertFalse(Files.exists(charts), "no output directory when there is nothing to draw");
        assertUsage(plot(temp.resolve("missing").toString()), "plot: no results directory " + temp.resolve("missing"));
        assertUsage(plot(), "usage: ");

        final Path unplotted = Files.createDirectory(temp.resolve("unplotted"));
        Files.writeString(unplotted.resolve("scale.json"), "[{\"benchmark\": \"x.Other.run\", \"mode\": \"thrpt\"," +
            " \"primaryMetric\": {\"score\": 1.0}}]");
        assertUsage(plot(unplotted.toString(), charts.toString()),
            "plot: the results in " + unplotted + " have none of the benchmarks");
    }

    @Test
    void helpExplainsTheInputsAndOutputs()
    {
        final Run run = plot("--help");

        assertEquals(PlotCommand.OK, run.exitCode);
        assertTrue(run.out.contains("-rf json -rff"), run.out);
        assertTrue(run.out.contains("baselines --json"), run.out);
        assertTrue(run.out.contains("--histogram-log"), run.out);
        assertTrue(run.out.contains("docs/charts"), run.out);
    }

    private static void assertSkipped(final Run run, final Path file, final String reason)
    {
        assertTrue(run.err.contains("skipped " + file + ": " + reason), run.err);
    }

    private static void assertUsage(final Run run, final String message)
    {
        assertEquals(PlotCommand.USAGE, run.exitCode);
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.startsWith(message), run.err);
        assertTrue(run.out.isEmpty(), run.out);
    }

    private Path resultsDirectory() throws IOException
    {
        final Path results = Files.createDirectories(temp.resolve("results"));
        ResultFixtures.writeJmh(results.resolve("run.json"));
        ResultFixtures.writeBaselines(results.resolve("baselines.json"));
        ResultFixtures.writeHistogramLog(results.resolve("load.hlog"), true);
        return results;
    }

    private static Map<String, Chart> charts(final Path results) throws IOException
    {
        final ByteArrayOutputStream notes = new ByteArrayOutputStream();
        return Results.read(results, new PrintStream(notes, true, StandardCharsets.UTF_8)).charts().stream()
            .collect(Collectors.toMap(Chart::name, Function.identity()));
    }

    private static List<String> names(final Chart chart)
    {
        return chart.series().stream().map(Chart.Series::name).toList();
    }

    private static Run plot(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exitCode = PlotCommand.run(args,
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err)
    {
    }
}
