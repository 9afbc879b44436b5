package dev.timeline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The results of a comparison with the baselines as JSON, for plotting: the settings, then one flat
 * row per figure.
 * <pre>
 * {
 *   "benchmark": "baselines",
 *   "workload": "celebrity", "users": 100000, "follows_per_user": 20, "seed": 1,
 *   "posts": 500000, "warmup_posts": 50000, "reads": 100000, "warmup_reads": 10000, "read_limit": 20,
 *   "window": 64, "naive_threads": 2, "celebrity_threshold": 10000, "partitions": 1,
 *   "results": [
 *     {"implementation": "engine-push", "metric": "post_throughput", "value": 208589.0, "unit": "posts/s"},
 *     ...
 *     {"implementation": "engine-push/redis", "metric": "post_throughput_ratio", "value": 21.3, "unit": "times better"}
 *   ]
 * }
 * </pre>
 * An implementation is {@code engine-push}, {@code engine-hybrid}, {@code naive} or {@code redis}; a
 * metric is one of {@link Metric}'s keys, latencies in microseconds. Rows named {@code ENGINE/BASELINE}
 * with a metric ending in {@code _ratio} tell how many times better the engine is on that metric:
 * engine / baseline for throughput, baseline / engine for latency.
 */
final class ComparisonJson
{
    private static final String RATIO_SUFFIX = "_ratio";
    private static final String RATIO_UNIT = "times better";

    private ComparisonJson()
    {
    }

    static void write(final Path file, final ComparisonSettings settings, final List<Measurement> measurements)
        throws IOException
    {
        final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode root = mapper.createObjectNode()
            .put("benchmark", "baselines")
            .put("workload", settings.workload().distribution().label())
            .put("users", settings.workload().users())
            .put("follows_per_user", settings.workload().followsPerUser())
            .put("seed", settings.workload().seed())
            .put("posts", settings.posts())
            .put("warmup_posts", settings.warmupPosts())
            .put("reads", settings.reads())
            .put("warmup_reads", settings.warmupReads())
            .put("warmup_read_seconds", ComparisonSettings.WARMUP_READ_SECONDS)
            .put("read_limit", ComparisonSettings.READ_LIMIT)
            .put("window", settings.window())
            .put("naive_threads", settings.naiveThreads())
            .put("celebrity_threshold", settings.celebrityThreshold())
            .put("partitions", settings.partitions());
        final ArrayNode results = root.putArray("results");
        for (final Measurement measurement : measurements)
        {
            for (final Metric metric : Metric.values())
            {
                row(results, measurement.implementation().label(), metric.key(), metric.of(measurement), metric.unit());
            }
        }
        for (final EngineVersusBaseline pair : EngineVersusBaseline.pairs(measurements))
        {
            final String name = pair.engine().implementation().label() + "/" + pair.baseline().implementation().label();
            for (final Metric metric : Metric.values())
            {
                if (metric.isCompared())
                {
                    row(results, name, metric.key() + RATIO_SUFFIX, pair.ratio(metric), RATIO_UNIT);
                }
            }
        }
        mapper.writeValue(file.toFile(), root);
    }

    private static void row(
        final ArrayNode results, final String implementation, final String metric, final double value,
        final String unit)
    {
        results.addObject()
            .put("implementation", implementation)
            .put("metric", metric)
            .put("value", value)
            .put("unit", unit);
    }
}
