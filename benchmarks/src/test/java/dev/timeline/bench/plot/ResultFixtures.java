package dev.timeline.bench.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Small result files in the formats the plots read: JMH's {@code -rf json}, a comparison with the
 * baselines, and an HdrHistogram log, with known figures.
 */
final class ResultFixtures
{
    static final double LIMIT = 200_000;
    static final double APPEND_LIMIT = 4_000_000;
    /** Latencies in the logs, in nanoseconds. */
    static final long FAST_READ = 1_000;
    static final long SLOW_READ = 50_000;
    static final long POST = 200_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACKAGE = "dev.timeline.bench.";

    private ResultFixtures()
    {
    }

    /**
     * Fan-out for PUSH and HYBRID on 1 and 2 partitions (posts/s {@code 1000 * partitions + strategy},
     * deliveries ten times that), the random-write limit, home reads in both modes, and the post path.
     */
    static void writeJmh(final Path file) throws IOException
    {
        final ArrayNode results = JSON.createArrayNode();
        for (final String strategy : new String[]{"PUSH", "HYBRID"})
        {
            for (final int partitions : new int[]{1, 2})
            {
                final double posts = fanOutPosts(strategy, partitions);
                results.add(jmh("FanOutBenchmark.post", "thrpt",
                    Map.of("strategy", strategy, "partitions", String.valueOf(partitions), "users", "1000"), posts)
                    .set("secondaryMetrics", JSON.createObjectNode().set("deliveries", score(10 * posts))));
            }
        }
        results.add(jmh("RandomWriteBenchmark.write16Bytes", "thrpt", Map.of("regionBytes", "1073741824"), LIMIT));
        for (final int partitions : new int[]{1, 2})
        {
            final Map<String, String> params = Map.of("strategy", "PUSH", "partitions", String.valueOf(partitions));
            results.add(jmh("HomeReadBenchmark.home", "thrpt", params, homeReads(partitions)));
            results.add(jmh("HomeReadBenchmark.home", "sample", params, 2.5));
        }
        results.add(jmh("JournalBenchmark.rawChronicleAppend", "thrpt", Map.of(), APPEND_LIMIT));
        results.add(jmh("PostPathBenchmark.postAsync", "thrpt", Map.of(), APPEND_LIMIT / 4));
        JSON.writeValue(file.toFile(), results);
    }

    static double fanOutPosts(final String strategy, final int partitions)
    {
        return 1000 * partitions + ("PUSH".equals(strategy) ? 1 : 2);
    }

    static double homeReads(final int partitions)
    {
        return 500_000 - partitions;
    }

    /** A comparison in the shape {@code baselines --json} writes: settings, then the rows as {@code results}. */
    static void writeBaselines(final Path file) throws IOException
    {
        final ObjectNode root = JSON.createObjectNode().put("benchmark", "baselines").put("users", 1000);
        final ArrayNode rows = root.putArray("results");
        row(rows, "engine-push", "post_throughput", 300_000, "posts/s");
        row(rows, "naive", "post_throughput", 100_000, "posts/s");
        row(rows, "redis", "post_throughput", 1_000, "posts/s");
        row(rows, "engine-push", "read_throughput", 400_000, "reads/s");
        row(rows, "redis", "read_throughput", 16_000, "reads/s");
        row(rows, "engine-push", "read_latency_p99", 8, "us");
        row(rows, "redis", "read_latency_p99", 90, "us");
        JSON.writeValue(file.toFile(), root);
    }

    /**
     * Two intervals of 45 fast and 5 slow reads, tagged {@code read}, and one of 5 posts, tagged
     * {@code post}, as {@code timeline load} tags them; or, with {@code tagged} false, just the reads, untagged.
     */
    static void writeHistogramLog(final Path file, final boolean tagged) throws IOException
    {
        final Histogram reads = new Histogram(3);
        reads.recordValueWithCount(FAST_READ, 45);
        reads.recordValueWithCount(SLOW_READ, 5);
        final Histogram posts = new Histogram(3);
        posts.recordValueWithCount(POST, 5);
        final HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        try
        {
            writer.outputLogFormatVersion();
            writer.outputStartTime(0);
            writer.setBaseTime(0);
            writer.outputLegend();
            if (tagged)
            {
                reads.setTag("read");
                posts.setTag("post");
            }
            writer.outputIntervalHistogram(0, 1, reads);
            writer.outputIntervalHistogram(1, 2, reads);
            if (tagged)
            {
                writer.outputIntervalHistogram(1, 2, posts);
            }
        }
        finally
        {
            writer.close();
        }
    }

    private static ObjectNode jmh(final String benchmark, final String mode, final Map<String, String> params,
        final double score)
    {
        final ObjectNode entry = JSON.createObjectNode()
            .put("jmhVersion", "1.37")
            .put("benchmark", PACKAGE + benchmark)
            .put("mode", mode)
            .put("threads", 1)
            .put("forks", 1);
        final ObjectNode paramNode = entry.putObject("params");
        params.forEach(paramNode::put);
        entry.set("primaryMetric", score(score));
        entry.putObject("secondaryMetrics");
        return entry;
    }

    private static ObjectNode score(final double score)
    {
        final ObjectNode metric = JSON.createObjectNode()
            .put("score", score)
            .put("scoreError", score / 10)
            .put("scoreUnit", "ops/s");
        metric.putArray("rawData").addArray().add(score);
        return metric;
    }

    private static void row(final ArrayNode rows, final String implementation, final String metric,
        final double value, final String unit)
    {
        rows.addObject()
            .put("implementation", implementation)
            .put("metric", metric)
            .put("value", value)
            .put("unit", unit);
    }
}
