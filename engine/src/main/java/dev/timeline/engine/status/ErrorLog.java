package dev.timeline.engine.status;

import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.timeline.engine.status.ErrorLogLayout.HEADER_LENGTH;
import static dev.timeline.engine.status.ErrorLogLayout.LOG_LENGTH;

/**
 * Where an engine's errors go, never to the caller's stdout: an Agrona {@link DistinctErrorLog} in the
 * data directory's mapped {@code errors.dat} (see {@link ErrorLogLayout}), which keeps each distinct
 * error once with how often and when it was seen, so a storm of one failure does not flood the disk,
 * and which {@code timeline stat} reads from another process ({@link ErrorLogFile}); and a counter
 * of every error. Thread-safe.
 */
public final class ErrorLog implements ErrorHandler, AutoCloseable
{
    private final DistinctErrorLog log;
    private final AtomicCounter errors;
    private final MappedByteBuffer mapped;

    private ErrorLog(final AtomicBuffer buffer, final EpochClock clock, final AtomicCounter errors,
        final MappedByteBuffer mapped)
    {
        log = new DistinctErrorLog(buffer, clock);
        this.errors = errors;
        this.mapped = mapped;
    }

    /**
     * Creates {@code errors.dat} in {@code dataDirectory} afresh, after appending the errors the
     * previous run left in it to the text history {@code errors.log}.
     *
     * @param errors counts every error recorded.
     * @throws IOException if the file cannot be created.
     */
    public static ErrorLog create(final Path dataDirectory, final EpochClock clock, final AtomicCounter errors)
        throws IOException
    {
        final Path file = dataDirectory.resolve(ErrorLogLayout.FILE_NAME);
        ErrorLogFile.appendToHistory(dataDirectory);
        Files.deleteIfExists(file);
        final MappedByteBuffer mapped = IoUtil.mapNewFile(file.toFile(), HEADER_LENGTH + LOG_LENGTH);
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        header.putInt(ErrorLogLayout.VERSION_OFFSET, ErrorLogLayout.VERSION);
        header.putInt(ErrorLogLayout.LOG_LENGTH_OFFSET, LOG_LENGTH);
        header.putIntVolatile(ErrorLogLayout.MAGIC_OFFSET, ErrorLogLayout.MAGIC);
        return new ErrorLog(new UnsafeBuffer(mapped, HEADER_LENGTH, LOG_LENGTH), clock, errors, mapped);
    }

    /** A log in memory only, for an engine that writes nothing to its directory. */
    public static ErrorLog inMemory(final EpochClock clock)
    {
        final AtomicCounter errors = new AtomicCounter(
            new UnsafeBuffer(ByteBuffer.allocateDirect(CountersReader.COUNTER_LENGTH)), 0);
        return new ErrorLog(new UnsafeBuffer(ByteBuffer.allocateDirect(LOG_LENGTH)), clock, errors, null);
    }

    /** Counts {@code error} and logs it. */
    @Override
    public void onError(final Throwable error)
    {
        errors.increment();
        log(error);
    }

    /** Logs {@code error} without counting it: for an agent runner, which counts on {@link #counter()}. */
    public void log(final Throwable error)
    {
        log.record(error);
    }

    /** The counter of every error. */
    public AtomicCounter counter()
    {
        return errors;
    }

    /** Errors counted so far. */
    public long count()
    {
        return errors.get();
    }

    /** Unmaps the file; what it holds stays for readers. */
    @Override
    public void close()
    {
        if (mapped != null)
        {
            IoUtil.unmap(mapped);
        }
    }
}
