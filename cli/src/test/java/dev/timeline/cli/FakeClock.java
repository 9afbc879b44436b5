package dev.timeline.cli;

/** A clock that moves only when told to, or when a waiter waits on it: no wall-clock time in the tests. */
final class FakeClock implements PacingClock
{
    private long nanos;

    @Override
    public long nanoTime()
    {
        return nanos;
    }

    @Override
    public void awaitUntil(final long deadlineNanos)
    {
        nanos = Math.max(nanos, deadlineNanos);
    }

    void advance(final long deltaNanos)
    {
        nanos += deltaNanos;
    }
}
