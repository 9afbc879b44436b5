package dev.timeline.bench.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine against each baseline: one chart of grouped bars per unit, a group per metric and a bar
 * per implementation; all rates ({@code posts/s}, {@code reads/s}, ...) share one chart. The y axis
 * is logarithmic when the values span orders of magnitude.
 */
final class BaselineCharts
{
    private static final String RATE_SUFFIX = "/s";
    private static final String RATES = "per second";

    private BaselineCharts()
    {
    }

    /** The charts of one comparison, named {@code RUN-UNIT}: {@code baselines-per-second}. */
    static List<Chart> of(final String run, final List<BaselineRow> rows)
    {
        final Map<String, List<BaselineRow>> byUnit = new LinkedHashMap<>();
        for (final BaselineRow row : rows)
        {
            byUnit.computeIfAbsent(row.unit().endsWith(RATE_SUFFIX) ? RATES : row.unit(), unit -> new ArrayList<>())
                .add(row);
        }
        final List<Chart> charts = new ArrayList<>();
        byUnit.forEach((unit, group) -> charts.add(chart(run, unit, group)));
        return charts;
    }

    private static Chart chart(final String run, final String unit, final List<BaselineRow> rows)
    {
        final List<String> metrics = new ArrayList<>();
        final Map<String, Map<String, Double>> byImplementation = new LinkedHashMap<>();
        for (final BaselineRow row : rows)
        {
            if (!metrics.contains(row.metric()))
            {
                metrics.add(row.metric());
            }
            byImplementation.computeIfAbsent(row.implementation(), implementation -> new LinkedHashMap<>())
                .put(row.metric(), row.value());
        }
        final List<Chart.Series> series = new ArrayList<>();
        byImplementation.forEach((implementation, values) ->
        {
            final List<Double> y = new ArrayList<>();
            metrics.forEach(metric -> y.add(values.get(metric)));
            series.add(new Chart.Series(implementation, metrics, y));
        });
        return new Chart(run + "-" + slug(unit), Chart.Kind.BARS, "The engine against the baselines: " + unit, "",
            unit, Chart.spansOrdersOfMagnitude(series), series);
    }

    /** {@code per-second}, {@code us}, {@code deliveries-per-post}. */
    private static String slug(final String unit)
    {
        return unit.toLowerCase(Locale.ROOT).replace("/", " per ").trim().replaceAll("[^a-z0-9]+", "-");
    }
}
