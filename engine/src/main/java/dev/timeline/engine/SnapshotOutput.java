package dev.timeline.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/** Writes a snapshot file through a staging buffer, keeping a CRC32C of every byte written. */
final class SnapshotOutput
{
    private final FileChannel channel;
    private final ByteBuffer staging = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();

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

    /** Writes the remaining bytes of {@code bytes}. */
    void put(final ByteBuffer bytes) throws IOException
    {
        flushStaging();
        crc.update(bytes.duplicate());
        while (bytes.hasRemaining())
        {
            channel.write(bytes);
        }
    }

    /** Writes the checksum of everything written so far, then flushes. */
    void finish() throws IOException
    {
        final int checksum = checksum();
        ensure(Integer.BYTES);
        staging.putInt(checksum);
        staging.flip();
        while (staging.hasRemaining())
        {
            channel.write(staging);
        }
        staging.clear();
    }

    private int checksum() throws IOException
    {
        flushStaging();
        return (int)crc.getValue();
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
        staging.flip();
        crc.update(staging.duplicate());
        while (staging.hasRemaining())
        {
            channel.write(staging);
        }
        staging.clear();
    }
}
