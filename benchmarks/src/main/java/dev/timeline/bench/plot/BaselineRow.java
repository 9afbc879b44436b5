package dev.timeline.bench.plot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One figure of a comparison with the baselines ({@code benchmarks.jar baselines --json FILE}).
 *
 * @param implementation what was measured: {@code engine-push}, {@code naive}, {@code redis}, or a
 *                       ratio's pair such as {@code engine-push/redis}.
 * @param metric         what the value is: {@code post_throughput}, {@code read_latency_p99}.
 * @param value          the figure.
 * @param unit           its unit: {@code posts/s}, {@code us}, {@code times better}.
 */
record BaselineRow(String implementation, String metric, double value, String unit)
{
    private static final String RESULTS = "results";

    /**
     * Whether {@code json} is a comparison: a non-empty array of rows, each with an implementation, a
     * metric, a numeric value and a unit, or an object holding such an array as {@code results}.
     */
    static boolean isBaseline(final JsonNode json)
    {
        final JsonNode rows = rows(json);
        if (!rows.isArray() || rows.isEmpty())
        {
            return false;
        }
        for (final JsonNode row : rows)
        {
            if (!row.path("implementation").isTextual() || !row.path("metric").isTextual() ||
                !row.path("value").isNumber() || !row.path("unit").isTextual())
            {
                return false;
            }
        }
        return true;
    }

    /** The rows of a file that {@link #isBaseline} accepts. */
    static List<BaselineRow> parse(final JsonNode json)
    {
        final List<BaselineRow> rows = new ArrayList<>();
        for (final JsonNode row : rows(json))
        {
            rows.add(new BaselineRow(
                row.path("implementation").asText(),
                row.path("metric").asText(),
                row.path("value").asDouble(),
                row.path("unit").asText()));
        }
        return rows;
    }

    private static JsonNode rows(final JsonNode json)
    {
        return json.isObject() ? json.path(RESULTS) : json;
    }
}
