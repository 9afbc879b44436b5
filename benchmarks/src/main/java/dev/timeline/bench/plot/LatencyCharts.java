package dev.timeline.bench.plot;

import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Latency percentile curves from HdrHistogram logs, drawn the way HdrHistogram's plotter draws them:
 * x is {@code 1 / (1 - percentile)} on a logarithmic axis, so 90%, 99%, 99.9% are evenly spaced, and
 * y is the latency in microseconds. One curve per tag of each log, named by the tag (with the
 * file's name when there are several logs), or by the file's name when untagged; empty ones are left out.
 */
final class LatencyCharts
{
    static final String NAME = "latency-percentiles";

    /** Points per halving of the distance to 100%, as in HdrHistogram's percentile output. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final double NANOS_PER_MICRO = 1_000;
    private static final double PERCENT = 100;

    private LatencyCharts()
    {
    }

    static List<Chart> of(final List<LatencyHistogram> histograms)
    {
        final boolean oneFile = histograms.stream().map(LatencyHistogram::file).distinct().count() == 1;
        final List<Chart.Series> series = new ArrayList<>();
        for (final LatencyHistogram histogram : histograms)
        {
            if (histogram.histogram().getTotalCount() > 0)
            {
                series.add(curve(name(histogram, oneFile), histogram));
            }
        }
        if (series.isEmpty())
        {
            return List.of();
        }
        return List.of(new Chart(NAME, Chart.Kind.PERCENTILES, "Latency by percentile", "percentile", "latency (µs)",
            Chart.spansOrdersOfMagnitude(series), series));
    }

    private static String name(final LatencyHistogram histogram, final boolean oneFile)
    {
        if (null == histogram.tag())
        {
            return histogram.file();
        }
        return oneFile ? histogram.tag() : histogram.file() + " " + histogram.tag();
    }

    private static Chart.Series curve(final String name, final LatencyHistogram histogram)
    {
        final List<Double> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        for (final HistogramIterationValue value : histogram.histogram().percentiles(TICKS_PER_HALF_DISTANCE))
        {
            final double percentile = value.getPercentileLevelIteratedTo();
            if (percentile < PERCENT)
            {
                x.add(PERCENT / (PERCENT - percentile));
                y.add(value.getValueIteratedTo() / NANOS_PER_MICRO);
            }
        }
        return new Chart.Series(name, x, y);
    }
}
