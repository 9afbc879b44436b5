package dev.timeline.cli;

/**
 * The phases of a load on the clock of its schedule: requests due before {@code fromNanos} warm up;
 * those due from then until {@code untilNanos} are measured; once the clock passes
 * {@code giveUpNanos}, requests still not sent are given up.
 */
record LoadWindow(long fromNanos, long untilNanos, long giveUpNanos)
{
    LoadWindow
    {
        if (fromNanos > untilNanos || untilNanos > giveUpNanos)
        {
            throw new IllegalArgumentException("phases out of order: " + fromNanos + ", " + untilNanos + ", " +
                giveUpNanos);
        }
    }
}
