package dev.timeline.cli;

import java.util.concurrent.locks.LockSupport;

/**
 * {@link System#nanoTime()}, waited on by parking the thread until shortly before the deadline,
 * then spinning: parking alone can overshoot by tens of microseconds, which would delay the requests.
 */
final class SystemPacingClock implements PacingClock
{
    static final SystemPacingClock INSTANCE = new SystemPacingClock();

    /** Waits longer than this park first; the last stretch is spun. */
    private static final long SPIN_NANOS = 100_000;

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
            if (remaining > SPIN_NANOS)
            {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }
}
