package dev.timeline.engine.status;

import dev.timeline.engine.DataDirectoryException;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.ErrorConsumer;
import org.agrona.concurrent.errors.ErrorLogReader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static dev.timeline.engine.status.ErrorLogLayout.HEADER_LENGTH;

/**
 * Reads the distinct errors of an engine, running or stopped, from its data directory's
 * {@code errors.dat}, from any process.
 */
public final class ErrorLogFile implements AutoCloseable
{
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer log;

    private ErrorLogFile(final MappedByteBuffer mapped, final int logLength)
    {
        this.mapped = mapped;
        log = new UnsafeBuffer(mapped, HEADER_LENGTH, logLength);
    }

    /**
     * Maps the error log of {@code dataDirectory} for reading.
     *
     * @throws DataDirectoryException if there is none or it is not an error log of this version.
     */
    public static ErrorLogFile open(final Path dataDirectory)
    {
        final Path file = dataDirectory.resolve(ErrorLogLayout.FILE_NAME);
        if (!Files.isRegularFile(file))
        {
            throw new DataDirectoryException("no error log in " + dataDirectory + ": no engine has run there");
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), "errors");
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, Math.min(HEADER_LENGTH, mapped.capacity()));
        if (mapped.capacity() < HEADER_LENGTH ||
            header.getIntVolatile(ErrorLogLayout.MAGIC_OFFSET) != ErrorLogLayout.MAGIC ||
            header.getInt(ErrorLogLayout.VERSION_OFFSET) != ErrorLogLayout.VERSION ||
            header.getInt(ErrorLogLayout.LOG_LENGTH_OFFSET) > mapped.capacity() - HEADER_LENGTH)
        {
            IoUtil.unmap(mapped);
            throw new DataDirectoryException(file + " is not an error log this version can read");
        }
        return new ErrorLogFile(mapped, header.getInt(ErrorLogLayout.LOG_LENGTH_OFFSET));
    }

    /** Hands every distinct error to {@code consumer}, in the order first seen; returns how many. */
    public int read(final ErrorConsumer consumer)
    {
        return ErrorLogReader.read(log, consumer);
    }

    /** Every distinct error as text: how often, first and last seen, and the stack trace. */
    public String describe()
    {
        final StringWriter text = new StringWriter();
        final PrintWriter out = new PrintWriter(text);
        read((count, first, last, error) -> out.printf(
            "%,d time(s), first %s, last %s:%n%s%n", count, Instant.ofEpochMilli(first), Instant.ofEpochMilli(last),
            error));
        out.flush();
        return text.toString();
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }

    /** Appends the errors {@code errors.dat} holds, if any, to the text history {@code errors.log}. */
    static void appendToHistory(final Path dataDirectory) throws IOException
    {
        if (!Files.isRegularFile(dataDirectory.resolve(ErrorLogLayout.FILE_NAME)))
        {
            return;
        }
        final String errors;
        try (ErrorLogFile previous = open(dataDirectory))
        {
            errors = previous.describe();
        }
        catch (final DataDirectoryException notAnErrorLog)
        {
            return;
        }
        if (!errors.isEmpty())
        {
            Files.writeString(
                dataDirectory.resolve(ErrorLogLayout.HISTORY_FILE_NAME),
                "errors of the engine that ran before " + Instant.now() + ":\n" + errors,
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
