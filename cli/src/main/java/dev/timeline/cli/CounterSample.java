package dev.timeline.cli;

import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.CountersFile;

/**
 * The counters of an engine as read at one moment from its counters file, with the engine's process
 * and whether it is alive; two samples give the rates in between.
 */
final class CounterSample
{
    private final long pid;
    private final boolean alive;
    private final long startMillis;
    private final long takenMillis;
    private final long takenNanos;
    private final long[] values = new long[Counter.values().length];

    private CounterSample(final CountersFile counters)
    {
        pid = counters.pid();
        startMillis = counters.startTime().toEpochMilli();
        takenMillis = System.currentTimeMillis();
        takenNanos = System.nanoTime();
        for (final Counter counter : Counter.values())
        {
            values[counter.ordinal()] = counters.get(counter);
        }
        alive = counters.isEngineAlive();
    }

    /** Reads every counter of {@code counters} now. */
    static CounterSample read(final CountersFile counters)
    {
        return new CounterSample(counters);
    }

    /** The process id of the engine that wrote the counters. */
    long pid()
    {
        return pid;
    }

    /** Whether that process was alive when the sample was taken. */
    boolean alive()
    {
        return alive;
    }

    /** When the engine opened its data directory, in ms since the epoch. */
    long startMillis()
    {
        return startMillis;
    }

    /** When the sample was taken, in ms since the epoch. */
    long takenMillis()
    {
        return takenMillis;
    }

    /** How long the engine has run: until now if it is alive, else until its last heartbeat. */
    long uptimeMillis()
    {
        return Math.max(0, (alive ? takenMillis : get(Counter.HEARTBEAT)) - startMillis);
    }

    long get(final Counter counter)
    {
        return values[counter.ordinal()];
    }

    /** How long before the sample the time in {@code counter} was, or -1 for never. */
    long ageMillis(final Counter counter)
    {
        final long time = get(counter);
        return time == 0 ? -1 : Math.max(0, takenMillis - time);
    }

    /** Events of {@code counter} per second between {@code earlier} and this sample. */
    double perSecond(final Counter counter, final CounterSample earlier)
    {
        final long nanos = takenNanos - earlier.takenNanos;
        return nanos <= 0 ? 0 : (get(counter) - earlier.get(counter)) * 1e9 / nanos;
    }
}
