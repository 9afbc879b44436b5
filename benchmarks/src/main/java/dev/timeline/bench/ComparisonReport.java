package dev.timeline.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of a comparison with the baselines as text: the figures of each implementation, then
 * how many times better each engine strategy is than each baseline.
 */
final class ComparisonReport
{
    private ComparisonReport()
    {
    }

    static void print(final PrintStream out, final ComparisonSettings settings, final List<Measurement> measurements)
    {
        out.printf(Locale.ROOT, "baselines: %s; %,d posts measured after %,d, %d in flight for the engine and Redis, " +
            "%s%d naive posting threads; %,d home reads of %d measured after %,d and %d s at least, one at a time%n",
            settings.workload(), settings.posts(), settings.warmupPosts(), settings.window(),
            settings.partitions() > 1 ? settings.partitions() + " engine partitions, " : "", settings.naiveThreads(),
            settings.reads(), ComparisonSettings.READ_LIMIT, settings.warmupReads(), ComparisonSettings.WARMUP_READ_SECONDS);
        out.println();
        final TextTable figures = new TextTable().row(header("", false));
        for (final Measurement measurement : measurements)
        {
            final List<String> row = new ArrayList<>();
            row.add(measurement.implementation().title());
            for (final Metric metric : Metric.values())
            {
                row.add(figure(metric, metric.of(measurement)));
            }
            figures.row(row.toArray(new String[0]));
        }
        figures.print(out);

        final List<EngineVersusBaseline> pairs = EngineVersusBaseline.pairs(measurements);
        if (pairs.isEmpty())
        {
            return;
        }
        final TextTable ratios = new TextTable().row(header("engine / baseline, times better", true));
        for (final EngineVersusBaseline pair : pairs)
        {
            ratios.row(ratioRow(pair));
        }
        out.println();
        ratios.print(out);
        out.println("(throughput: engine / baseline; latency: baseline / engine; above 1 the engine is better)");
    }

    private static String[] header(final String first, final boolean comparedOnly)
    {
        final List<String> header = new ArrayList<>();
        header.add(first);
        for (final Metric metric : Metric.values())
        {
            if (!comparedOnly || metric.isCompared())
            {
                header.add(metric.column());
            }
        }
        return header.toArray(new String[0]);
    }

    private static String[] ratioRow(final EngineVersusBaseline pair)
    {
        final List<String> row = new ArrayList<>();
        row.add(pair.engine().implementation().title() + " / " + pair.baseline().implementation().title());
        for (final Metric metric : Metric.values())
        {
            if (metric.isCompared())
            {
                final double ratio = pair.ratio(metric);
                row.add(String.format(Locale.ROOT, ratio < 0.1 ? "%.3f" : ratio < 10 ? "%.2f" : "%,.0f", ratio));
            }
        }
        return row.toArray(new String[0]);
    }

    private static String figure(final Metric metric, final double value)
    {
        if ("us".equals(metric.unit()))
        {
            return String.format(Locale.ROOT, value < 100 ? "%.1f" : "%,.0f", value);
        }
        return String.format(Locale.ROOT, metric == Metric.DELIVERIES_PER_POST ? "%.1f" : "%,.0f", value);
    }
}
