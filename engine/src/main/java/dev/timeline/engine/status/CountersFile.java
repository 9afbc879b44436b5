package dev.timeline.engine.status;

import dev.timeline.engine.DataDirectoryException;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static dev.timeline.engine.status.CountersFileLayout.HEADER_LENGTH;

/**
 * Reads the counters of an engine, running or stopped, from its data directory's counters file,
 * from any process. Values are those the engine last published.
 */
public final class CountersFile implements AutoCloseable
{
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final CountersReader reader;

    private CountersFile(final MappedByteBuffer mapped)
    {
        this.mapped = mapped;
        header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        final int metadataLength = header.getInt(CountersFileLayout.METADATA_LENGTH_OFFSET);
        final int valuesLength = header.getInt(CountersFileLayout.VALUES_LENGTH_OFFSET);
        reader = new CountersReader(
            new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength),
            new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength));
    }

    /**
     * Maps the counters file of {@code dataDirectory} for reading.
     *
     * @throws DataDirectoryException if there is none or it is not a counters file of this version.
     */
    public static CountersFile open(final Path dataDirectory)
    {
        final Path file = dataDirectory.resolve(CountersFileLayout.FILE_NAME);
        if (!Files.isRegularFile(file))
        {
            throw new DataDirectoryException("no counters file in " + dataDirectory + ": no engine has run there");
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), "counters");
        if (mapped.capacity() < HEADER_LENGTH + EngineCounters.METADATA_LENGTH + EngineCounters.VALUES_LENGTH)
        {
            IoUtil.unmap(mapped);
            throw new DataDirectoryException(file + " is not a complete counters file");
        }
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        if (header.getIntVolatile(CountersFileLayout.MAGIC_OFFSET) != CountersFileLayout.MAGIC ||
            header.getInt(CountersFileLayout.VERSION_OFFSET) != CountersFileLayout.VERSION)
        {
            IoUtil.unmap(mapped);
            throw new DataDirectoryException(file + " is not a counters file this version can read");
        }
        return new CountersFile(mapped);
    }

    /** Process id of the engine that wrote the file. */
    public long pid()
    {
        return header.getLong(CountersFileLayout.PID_OFFSET);
    }

    /** When that engine opened the data directory. */
    public Instant startTime()
    {
        return Instant.ofEpochMilli(header.getLong(CountersFileLayout.START_TIME_OFFSET));
    }

    /** Whether the engine that wrote the file is still open: not closed, and its process alive. */
    public boolean isEngineAlive()
    {
        return header.getIntVolatile(CountersFileLayout.STATE_OFFSET) == CountersFileLayout.RUNNING &&
            ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    public long get(final Counter counter)
    {
        return reader.getCounterValue(counter.ordinal());
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
