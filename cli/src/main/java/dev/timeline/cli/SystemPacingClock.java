package dev.timeline.cli;

import java.util.concurrent.locks.LockSupport;

/**
 * {@link System#nanoTime()}, waited on by parking the thread until shortly before the deadline, as
 * parking alone can overshoot by tens of microseconds, which would delay the requests; then by
 * yielding the processor, so the engine's threads run at once on a machine with few cores, and for
 * the last microseconds by spinning.
 */
final class SystemPacingClock implements PacingClock
{
    static final SystemPacingClock INSTANCE = new SystemPacingClock();

    /** Waits longer than this park until this much is left. */
    private static final long PARK_NANOS = 100_000;
    /** Waits shorter than this spin: a yield takes about a microsecond. */
    private static final long YIELD_NANOS = 2_000;

    private SystemPacingClock()
    {
    }

    @Override
    public long nanoTime()
    {
        return System.nanoTime();
    }

    @Override
    public void awaitUntil(final long deadlineNanos)
    {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0)
        {
            if (remaining > PARK_NANOS)
            {
                LockSupport.parkNanos(remaining - PARK_NANOS);
            }
            else if (remaining > YIELD_NANOS)
            {
                Thread.yield();
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }
}
