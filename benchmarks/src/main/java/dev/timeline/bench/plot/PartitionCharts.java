package dev.timeline.bench.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Throughput against the {@code partitions} parameter: one line per strategy (and any other
 * parameter that varies) for fan-out posts, fan-out deliveries and home reads, the partition counts
 * evenly spaced. A chart is drawn when its results cover at least two partition counts.
 */
final class PartitionCharts
{
    static final String PARTITIONS = "partitions";

    private static final List<Figure> FIGURES = List.of(
        new Figure("posts-by-partitions", "Fan-out: posts/s against partitions",
            new Score("FanOutBenchmark.post", null), "posts/s"),
        new Figure("deliveries-by-partitions", "Fan-out: deliveries/s against partitions",
            new Score("FanOutBenchmark.post", "deliveries"), "deliveries/s"),
        new Figure("reads-by-partitions", "Home reads: reads/s against partitions",
            new Score("HomeReadBenchmark.home", null), "reads/s"));

    private PartitionCharts()
    {
    }

    /** The charts of the results of one run, named {@code RUN-CHART}. */
    static List<Chart> of(final String run, final List<JmhResult> results)
    {
        final List<Chart> charts = new ArrayList<>();
        for (final Figure figure : FIGURES)
        {
            final List<JmhResult> selected = new ArrayList<>();
            final SortedSet<Integer> partitionCounts = new TreeSet<>();
            for (final JmhResult result : figure.score.select(results))
            {
                final String partitions = result.params().get(PARTITIONS);
                if (null != partitions)
                {
                    selected.add(result);
                    partitionCounts.add(Integer.valueOf(partitions));
                }
            }
            if (partitionCounts.size() > 1)
            {
                charts.add(chart(run + "-" + figure.name, figure, selected, partitionCounts));
            }
        }
        return charts;
    }

    private static Chart chart(
        final String name, final Figure figure, final List<JmhResult> results, final SortedSet<Integer> counts)
    {
        final SeriesLabels labels = new SeriesLabels(results, PARTITIONS);
        final Map<String, Map<Integer, Double>> lines = new LinkedHashMap<>();
        for (final JmhResult result : results)
        {
            final String label = labels.label(result);
            lines.computeIfAbsent(label.isEmpty() ? figure.score.method() : label, key -> new HashMap<>())
                .put(Integer.valueOf(result.params().get(PARTITIONS)), figure.score.of(result));
        }
        final List<String> x = counts.stream().map(String::valueOf).toList();
        final List<Chart.Series> series = new ArrayList<>();
        lines.forEach((label, points) ->
            series.add(new Chart.Series(label, x, counts.stream().map(points::get).toList())));
        return new Chart(name, Chart.Kind.LINES, figure.title, PARTITIONS, figure.unit,
            Chart.spansOrdersOfMagnitude(series), series);
    }

    private record Figure(String name, String title, Score score, String unit)
    {
    }
}
