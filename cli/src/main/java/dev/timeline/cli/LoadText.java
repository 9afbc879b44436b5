package dev.timeline.cli;

import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The results of {@code timeline load} as a table for people. */
final class LoadText
{
    private LoadText()
    {
    }

    static void print(final PrintWriter out, final LoadResult result, final Path histogramLog)
    {
        final long nanos = result.elapsedNanos();
        out.printf("  %-12s %12s %12s", "", "requests", "per second");
        for (final double percentile : LoadResult.PERCENTILES)
        {
            out.printf(" %10s", LoadResult.label(percentile));
        }
        out.printf(" %10s%n", "max");
        row(out, "home reads", result.reads(), nanos);
        row(out, "posts", result.posts(), nanos);
        out.printf("  %-12s %12s %12s   target %s requests/s%n", "all", Format.count(result.completed()),
            Format.count(result.achievedPerSecond()), Format.count(result.plan().perSecond()));
        out.printf("  %-12s %s requests due, %s unsent; sent up to %s late (allowed %s), the last one %s late%n",
            "schedule", Format.count(result.scheduled()), Format.count(result.unsent()),
            Format.latency(result.maxLagNanos()), Format.latency(result.plan().maxLagNanos()),
            Format.latency(result.lagAtEndNanos()));
        final SenderTime senders = result.senders();
        out.printf("  %-12s its own work %s a request (at most %s requests/s a thread), %.1f%% of its time; " +
            "%.1f%% in the requests%n", "generator", Format.latency(senders.ownNanosPerRequest()),
            Format.count(senders.maxPerThread()), senders.percentOfTime(senders.ownNanos()),
            senders.percentOfTime(senders.requestNanos()));
        out.printf("  %-12s %s%n", "rate held", result.held() ? "yes" : "NO: " + result.shortfall());
        out.printf("  %-12s %s (HdrHistogram log, tags %s and %s, values in ns)%n", "latency log", histogramLog,
            IntervalLog.READ_TAG, IntervalLog.POST_TAG);
        out.flush();
    }

    private static void row(final PrintWriter out, final String name, final Histogram latency, final long nanos)
    {
        out.printf("  %-12s %12s %12s", name, Format.count(latency.getTotalCount()),
            Format.rate(latency.getTotalCount(), nanos));
        for (final double percentile : LoadResult.PERCENTILES)
        {
            out.printf(" %10s", Format.latency(latency.getValueAtPercentile(percentile)));
        }
        out.printf(" %10s%n", Format.latency(latency.getMaxValue()));
    }
}
