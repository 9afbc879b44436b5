package dev.timeline.engine.state;

import org.agrona.BufferUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Writes a snapshot file through a staging buffer as sections, each closed by a CRC32C of its bytes
 * ({@link #putChecksum}), so that {@link SnapshotInput}s can read and check them apart.
 */
final class SnapshotOutput implements AutoCloseable
{
    private final FileChannel channel;
    private final ByteBuffer staging = DirectMemory.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    /** Bytes written to the channel. */
    private long written;

    SnapshotOutput(final FileChannel channel)
    {
        this.channel = channel;
    }

    void putLong(final long value) throws IOException
    {
        ensure(Long.BYTES);
        staging.putLong(value);
    }

    void putInt(final int value) throws IOException
    {
        ensure(Integer.BYTES);
        staging.putInt(value);
    }

    /** Writes the first {@code length} values of {@code values}. */
    void putInts(final int[] values, final int length) throws IOException
    {
        for (int done = 0; done < length; )
        {
            ensure(Integer.BYTES);
            final int ints = Math.min(staging.remaining() / Integer.BYTES, length - done);
            staging.asIntBuffer().put(values, done, ints);
            staging.position(staging.position() + ints * Integer.BYTES);
            done += ints;
        }
    }

    /** Writes the remaining bytes of {@code bytes}. */
    void put(final ByteBuffer bytes) throws IOException
    {
        flushStaging();
        crc.update(bytes.duplicate());
        written += writeFully(bytes);
    }

    /** The file position of the next byte. */
    long position()
    {
        return written + staging.position();
    }

    /** Closes the section: writes the checksum of every byte since the previous one. */
    void putChecksum() throws IOException
    {
        flushStaging();
        staging.putInt((int)crc.getValue());
        crc.reset();
        writeStaging();
    }

    /** Writes {@code trailer}, in no section, then flushes. */
    void finish(final long trailer) throws IOException
    {
        staging.putLong(trailer);
        writeStaging();
    }

    private void ensure(final int bytes) throws IOException
    {
        if (staging.remaining() < bytes)
        {
            flushStaging();
        }
    }

    private void flushStaging() throws IOException
    {
        crc.update(staging.duplicate().flip());
        writeStaging();
    }

    private void writeStaging() throws IOException
    {
        written += writeFully(staging.flip());
        staging.clear();
    }

    private int writeFully(final ByteBuffer bytes) throws IOException
    {
        final int length = bytes.remaining();
        while (bytes.hasRemaining())
        {
            channel.write(bytes);
        }
        return length;
    }

    /** Frees the staging buffer at once rather than when it is collected. */
    @Override
    public void close()
    {
        BufferUtil.free(staging);
    }
}
