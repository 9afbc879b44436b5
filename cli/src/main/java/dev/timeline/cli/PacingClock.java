package dev.timeline.cli;

/** The clock an open-loop load keeps its schedule by, and waits on. */
interface PacingClock
{
    /** Nanoseconds from an arbitrary origin, never decreasing. */
    long nanoTime();

    /** Returns once {@link #nanoTime()} has reached {@code deadlineNanos}, at once if it has. */
    void awaitUntil(long deadlineNanos);
}
