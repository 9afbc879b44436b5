package dev.timeline.cli;

import java.util.concurrent.TimeUnit;

/**
 * What a load is to do: how many requests per second in all, in what mix, from how many threads,
 * warming up for how long and measuring for how long, and how late its last request may go out
 * for the rate to count as held.
 */
record LoadPlan(long perSecond, RequestMix mix, int threads, int warmupSeconds, int durationSeconds, long maxLagNanos)
{
    long warmupNanos()
    {
        return TimeUnit.SECONDS.toNanos(warmupSeconds);
    }

    long durationNanos()
    {
        return TimeUnit.SECONDS.toNanos(durationSeconds);
    }

    /** Home reads per second the plan asks for. */
    double readsPerSecond()
    {
        return perSecond * (1 - mix.postShare());
    }

    /** Posts per second the plan asks for. */
    double postsPerSecond()
    {
        return perSecond * mix.postShare();
    }
}
