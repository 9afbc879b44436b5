package dev.timeline.cli;

/**
 * Fixed-rate send times: request {@code i} is due at {@code start + i / rate}, whatever became of
 * the requests before it. Immutable.
 */
final class Schedule
{
    private final long startNanos;
    private final double intervalNanos;

    /**
     * @param startNanos when request 0 is due, on the clock the schedule is kept by.
     * @param perSecond  requests per second, above 0.
     */
    Schedule(final long startNanos, final double perSecond)
    {
        if (!(perSecond > 0))
        {
            throw new IllegalArgumentException("rate must be above 0, was " + perSecond);
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / perSecond;
    }

    /** When request {@code index} is due. */
    long intendedNanos(final long index)
    {
        return startNanos + (long)(index * intervalNanos);
    }

    /** How many requests are due before {@code nanos}: the index of the first one due at or after it. */
    long countBefore(final long nanos)
    {
        if (nanos <= startNanos)
        {
            return 0;
        }
        long count = (long)Math.ceil((nanos - startNanos) / intervalNanos);
        while (count > 0 && intendedNanos(count - 1) >= nanos)
        {
            count--;
        }
        while (intendedNanos(count) < nanos)
        {
            count++;
        }
        return count;
    }
}
