package dev.timeline.cli;

import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.CountersFile;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The counters of an engine as read at one moment from its counters file, with the engine's process
 * and whether it is alive, and the space left on its data directory's disk; two samples give the
 * rates in between.
 */
final class CounterSample
{
    private final long pid;
    private final boolean alive;
    private final long startMillis;
    private final long takenMillis;
    private final long takenNanos;
    private final long[] values = new long[Counter.values().length];
    private final long diskFreeBytes;
    private final long diskTotalBytes;

    private CounterSample(final CountersFile counters, final Path directory)
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
        final long[] disk = disk(directory);
        diskFreeBytes = disk[0];
        diskTotalBytes = disk[1];
    }

    /** Reads every counter of {@code counters}, the engine's on {@code directory}, now. */
    static CounterSample read(final CountersFile counters, final Path directory)
    {
        return new CounterSample(counters, directory);
    }

    /** Bytes free on the data directory's filesystem for the engine to write, -1 if unknown. */
    long diskFreeBytes()
    {
        return diskFreeBytes;
    }

    /** The size of the data directory's filesystem in bytes, -1 if unknown. */
    long diskTotalBytes()
    {
        return diskTotalBytes;
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

    /** The usable and total bytes of the filesystem {@code directory} is on, -1 each if unknown. */
    private static long[] disk(final Path directory)
    {
        try
        {
            final FileStore store = Files.getFileStore(directory);
            return new long[] {store.getUsableSpace(), store.getTotalSpace()};
        }
        catch (final IOException ex)
        {
            return new long[] {-1, -1};
        }
    }
}
