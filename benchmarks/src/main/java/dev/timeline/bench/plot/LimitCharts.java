package dev.timeline.bench.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine against its limits, as bars labelled with their fraction of the limit: fan-out
 * deliveries against random 16-byte writes into a large off-heap region (beside the same writes
 * behind a read of the header that places them, a delivery's floor), and the post path against
 * raw Chronicle Queue appends of the same payload, both measured in the same run. If several results
 * measure the limit, the highest is taken.
 */
final class LimitCharts
{
    private static final String PER_SECOND = "operations/s";

    private static final List<Figure> FIGURES = List.of(
        new Figure("fan-out-against-random-writes", "Fan-out deliveries against random 16-byte writes",
            new Score("RandomWriteBenchmark.write16Bytes", null),
            List.of(
                new Score("RandomWriteBenchmark.headerThenEntry", null),
                new Score("FanOutBenchmark.post", "deliveries"))),
        new Figure("post-path-against-chronicle-append", "The post path against raw Chronicle Queue appends",
            new Score("JournalBenchmark.rawChronicleAppend", null),
            List.of(
                new Score("JournalBenchmark.appendPost", null),
                new Score("PostPathBenchmark.postAsync", null),
                new Score("PostPathBenchmark.postBlocking", null))));

    private LimitCharts()
    {
    }

    /** The charts of the results of one run, named {@code RUN-CHART}. */
    static List<Chart> of(final String run, final List<JmhResult> results)
    {
        final List<Chart> charts = new ArrayList<>();
        for (final Figure figure : FIGURES)
        {
            final double limit = figure.limit.select(results).stream().mapToDouble(figure.limit::of).max().orElse(0);
            final Map<String, Double> bars = new LinkedHashMap<>();
            for (final Score engine : figure.engine)
            {
                final List<JmhResult> selected = engine.select(results);
                final SeriesLabels labels = new SeriesLabels(selected, null);
                for (final JmhResult result : selected)
                {
                    bars.put(label(engine, labels.label(result)), engine.of(result));
                }
            }
            if (limit > 0 && !bars.isEmpty())
            {
                charts.add(chart(run + "-" + figure.name, figure, limit, bars));
            }
        }
        return charts;
    }

    /** The parameters that set a result apart, or its method's name where none do. */
    private static String label(final Score engine, final String parameters)
    {
        return parameters.isEmpty() ? engine.method() : parameters;
    }

    private static Chart chart(
        final String name, final Figure figure, final double limit, final Map<String, Double> bars)
    {
        final List<String> categories = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        categories.add(figure.limit.method() + " (limit)");
        values.add(limit);
        bars.forEach((label, value) ->
        {
            categories.add(String.format(Locale.ROOT, "%s: %.1f%%", label, 100 * value / limit));
            values.add(value);
        });
        final List<Chart.Series> series = List.of(new Chart.Series(PER_SECOND, categories, values));
        return new Chart(name, Chart.Kind.BARS, figure.title, "", PER_SECOND,
            Chart.spansOrdersOfMagnitude(series), series);
    }

    private record Figure(String name, String title, Score limit, List<Score> engine)
    {
    }
}
