package dev.timeline.engine;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/** Reads a snapshot file written by {@link SnapshotOutput}, keeping a CRC32C of every byte consumed. */
final class SnapshotInput
{
    private final FileChannel channel;
    private final ByteBuffer staging = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();

    SnapshotInput(final FileChannel channel)
    {
        this.channel = channel;
        staging.limit(0);
    }

    long getLong() throws IOException
    {
        fill(Long.BYTES);
        final long value = staging.getLong(staging.position());
        consume(Long.BYTES);
        return value;
    }

    int getInt() throws IOException
    {
        fill(Integer.BYTES);
        final int value = staging.getInt(staging.position());
        consume(Integer.BYTES);
        return value;
    }

    /** Fills the remaining bytes of {@code into}. */
    void get(final ByteBuffer into) throws IOException
    {
        while (into.hasRemaining())
        {
            fill(1);
            final int length = Math.min(staging.remaining(), into.remaining());
            into.put(staging.duplicate().limit(staging.position() + length));
            consume(length);
        }
    }

    /** Reads the trailing checksum: true if it matches every byte before it and nothing follows. */
    boolean checksumMatches() throws IOException
    {
        final int computed = (int)crc.getValue();
        fill(Integer.BYTES);
        final int stored = staging.getInt(staging.position());
        staging.position(staging.position() + Integer.BYTES);
        return computed == stored && !staging.hasRemaining() && channel.position() == channel.size();
    }

    private void consume(final int bytes)
    {
        crc.update(staging.duplicate().limit(staging.position() + bytes));
        staging.position(staging.position() + bytes);
    }

    private void fill(final int bytes) throws IOException
    {
        if (staging.remaining() >= bytes)
        {
            return;
        }
        staging.compact();
        while (staging.position() < bytes)
        {
            if (channel.read(staging) < 0)
            {
                throw new EOFException("the snapshot ends early");
            }
        }
        staging.flip();
    }
}
