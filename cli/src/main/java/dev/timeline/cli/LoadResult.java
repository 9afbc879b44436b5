package dev.timeline.cli;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * What an open-loop load measured: the latencies of the measured reads and posts from their scheduled
 * times, how many requests were due and how many went unsent, how late they went out, and over what
 * time they were answered.
 *
 * @param reads         latencies of the measured home reads, in nanoseconds.
 * @param posts         latencies of the measured posts acknowledged, in nanoseconds.
 * @param scheduled     requests due in the measured window.
 * @param unsent        of those, requests given up without being sent.
 * @param rejected      measured posts turned away by a full inbox.
 * @param maxLagNanos   the most a measured request went out late.
 * @param lagAtEndNanos how late the last measured request went out, or how far behind the load gave up.
 * @param elapsedNanos  from the start of the measured window to its end or to the last answer, if later.
 * @param senders       where the sending threads spent their time.
 */
record LoadResult(
    LoadPlan plan,
    Histogram reads,
    Histogram posts,
    long scheduled,
    long unsent,
    long rejected,
    long maxLagNanos,
    long lagAtEndNanos,
    long elapsedNanos,
    SenderTime senders)
{
    /** The percentiles reported besides the maximum. */
    static final double[] PERCENTILES = { 50, 90, 99, 99.9, 99.99 };

    /** Requests answered: reads, and posts acknowledged. */
    long completed()
    {
        return reads.getTotalCount() + posts.getTotalCount();
    }

    /** Requests answered per second over the elapsed time. */
    long achievedPerSecond()
    {
        return Format.perSecond(completed(), elapsedNanos);
    }

    /**
     * Whether every request went out, none later than the plan allows, no post was turned away, and
     * the load generator's own work left it time to send them.
     */
    boolean held()
    {
        return unsent == 0 && rejected == 0 && maxLagNanos <= plan.maxLagNanos() && generatorKeptUp();
    }

    /** Whether the sending threads' own work, with the engine's calls taking no time, left them time to send at the rate. */
    boolean generatorKeptUp()
    {
        return senders.keepsUpWith(plan.perSecond() / (double)plan.threads());
    }

    /** Why the rate was not held, for people; empty when it was. */
    String shortfall()
    {
        final List<String> reasons = new ArrayList<>();
        if (unsent > 0)
        {
            reasons.add(Format.count(unsent) + " of " + Format.count(scheduled) +
                " requests were still unsent a run's length after the end, and were given up");
        }
        if (maxLagNanos > plan.maxLagNanos())
        {
            reasons.add("requests went out up to " + Format.latency(maxLagNanos) + " late (allowed " +
                Format.latency(plan.maxLagNanos()) + "), the last one " + Format.latency(lagAtEndNanos) + " late");
        }
        if (rejected > 0)
        {
            reasons.add(Format.count(rejected) + " posts were turned away by a full inbox");
        }
        if (!generatorKeptUp())
        {
            reasons.add("the load generator fell behind by itself: its own work takes " +
                Format.latency(senders.ownNanosPerRequest()) + " a request, for at most " +
                Format.count(senders.maxPerThread()) + " requests/s a thread; add --threads");
        }
        return String.join("; ", reasons);
    }

    /** {@code p50}, {@code p99.9}: how a percentile is named in tables and JSON. */
    static String label(final double percentile)
    {
        return percentile == Math.rint(percentile) ? "p" + (long)percentile : "p" + percentile;
    }
}
