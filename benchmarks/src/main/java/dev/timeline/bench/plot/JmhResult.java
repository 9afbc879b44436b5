package dev.timeline.bench.plot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One entry of a JMH JSON result file ({@code -rf json}): a benchmark method in one mode with one
 * set of parameters, and its scores.
 *
 * @param benchmark the method, as {@code Class.method} without the package.
 * @param mode      JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}.
 * @param params    the {@code @Param} values, by name.
 * @param score     the primary score.
 * @param secondary the secondary scores (such as {@code @AuxCounters}), by name.
 */
record JmhResult(
    String benchmark, String mode, Map<String, String> params, double score, Map<String, Double> secondary)
{
    /** JMH's name for the throughput mode. */
    static final String THROUGHPUT = "thrpt";

    /** Whether {@code json} is a JMH result file: a non-empty array of entries with a benchmark and a primary score. */
    static boolean isJmh(final JsonNode json)
    {
        if (!json.isArray() || json.isEmpty())
        {
            return false;
        }
        for (final JsonNode entry : json)
        {
            if (!entry.path("benchmark").isTextual() || !entry.path("primaryMetric").path("score").isNumber())
            {
                return false;
            }
        }
        return true;
    }

    /** The entries of a file that {@link #isJmh} accepts. */
    static List<JmhResult> parse(final JsonNode json)
    {
        final List<JmhResult> results = new ArrayList<>();
        for (final JsonNode entry : json)
        {
            final Map<String, String> params = new TreeMap<>();
            entry.path("params").properties().forEach(param -> params.put(param.getKey(), param.getValue().asText()));
            final Map<String, Double> secondary = new TreeMap<>();
            entry.path("secondaryMetrics").properties().forEach(
                metric -> secondary.put(metric.getKey(), metric.getValue().path("score").asDouble()));
            results.add(new JmhResult(
                simpleName(entry.path("benchmark").asText()),
                entry.path("mode").asText(),
                params,
                entry.path("primaryMetric").path("score").asDouble(),
                secondary));
        }
        return results;
    }

    /**
     * The score named {@code metric}: the primary score for {@code null}, else the secondary one, if
     * reported.
     */
    OptionalDouble score(final String metric)
    {
        if (null == metric)
        {
            return OptionalDouble.of(score);
        }
        final Double value = secondary.get(metric);
        return null == value ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static String simpleName(final String qualified)
    {
        final int method = qualified.lastIndexOf('.');
        final int type = qualified.lastIndexOf('.', method - 1);
        return qualified.substring(type + 1);
    }
}
