package dev.timeline.engine.status;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.timeline.engine.status.CountersFileLayout.HEADER_LENGTH;

/**
 * The running engine's side of {@code counters.dat} (see {@link CountersFileLayout}): creates the
 * file afresh at open and publishes every {@link Counter} with release stores, so another process
 * can read them while the engine runs. Written by the writer threads: shared counters only
 * through {@link #add}.
 */
public final class EngineCounters implements AutoCloseable
{
    static final int METADATA_LENGTH = 64 * CountersManager.METADATA_LENGTH;
    static final int VALUES_LENGTH = 64 * CountersManager.COUNTER_LENGTH;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final AtomicCounter[] counters = new AtomicCounter[Counter.values().length];

    /** Creates {@code counters.dat} in {@code dataDirectory} afresh and marks the engine running. */
    public EngineCounters(final Path dataDirectory)
    {
        final File file = dataDirectory.resolve(CountersFileLayout.FILE_NAME).toFile();
        IoUtil.deleteIfExists(file);
        mapped = IoUtil.mapNewFile(file, HEADER_LENGTH + METADATA_LENGTH + VALUES_LENGTH);
        header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        header.putInt(CountersFileLayout.STATE_OFFSET, CountersFileLayout.RUNNING);
        header.putLong(CountersFileLayout.PID_OFFSET, ProcessHandle.current().pid());
        header.putLong(CountersFileLayout.START_TIME_OFFSET, System.currentTimeMillis());
        header.putInt(CountersFileLayout.METADATA_LENGTH_OFFSET, METADATA_LENGTH);
        header.putInt(CountersFileLayout.VALUES_LENGTH_OFFSET, VALUES_LENGTH);
        header.putInt(CountersFileLayout.VERSION_OFFSET, CountersFileLayout.VERSION);
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(mapped, HEADER_LENGTH, METADATA_LENGTH),
            new UnsafeBuffer(mapped, HEADER_LENGTH + METADATA_LENGTH, VALUES_LENGTH),
            StandardCharsets.US_ASCII);
        for (final Counter counter : Counter.values())
        {
            counters[counter.ordinal()] = manager.newCounter(counter.label());
        }
        header.putIntVolatile(CountersFileLayout.MAGIC_OFFSET, CountersFileLayout.MAGIC);
    }

    /** Publishes {@code value} with a release store: for counters one writer owns. */
    public void set(final Counter counter, final long value)
    {
        counters[counter.ordinal()].setRelease(value);
    }

    /** Adds {@code delta} atomically: for counters that several writers share. */
    public void add(final Counter counter, final long delta)
    {
        if (delta != 0)
        {
            counters[counter.ordinal()].getAndAdd(delta);
        }
    }

    /** The counter itself: for a component that counts on its own, such as an agent runner's errors. */
    public AtomicCounter counter(final Counter counter)
    {
        return counters[counter.ordinal()];
    }

    /** Marks the engine closed, keeping the last values for readers, and unmaps the file. */
    @Override
    public void close()
    {
        header.putIntVolatile(CountersFileLayout.STATE_OFFSET, CountersFileLayout.CLOSED);
        IoUtil.unmap(mapped);
    }
}
