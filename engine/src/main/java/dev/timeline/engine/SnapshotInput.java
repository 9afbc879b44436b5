package dev.timeline.engine;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Reads a snapshot file written by {@link SnapshotOutput} through a staging buffer, keeping a
 * CRC32C of every byte consumed; the checksum is brought up to date a buffer at a time, not per value.
 */
final class SnapshotInput
{
    private final FileChannel channel;
    private final ByteBuffer staging = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    /** Where in the staging buffer the bytes not yet in the checksum begin. */
    private int unchecked;

    SnapshotInput(final FileChannel channel)
    {
        this.channel = channel;
        staging.limit(0);
    }

    long getLong() throws IOException
    {
        fill(Long.BYTES);
        return staging.getLong();
    }

    int getInt() throws IOException
    {
        fill(Integer.BYTES);
        return staging.getInt();
    }

    /** Fills the remaining bytes of {@code into}. */
    void get(final ByteBuffer into) throws IOException
    {
        while (into.hasRemaining())
        {
            fill(1);
            final int length = Math.min(staging.remaining(), into.remaining());
            into.put(staging.duplicate().limit(staging.position() + length));
            staging.position(staging.position() + length);
        }
    }

    /** Reads the trailing checksum: true if it matches every byte before it and nothing follows. */
    boolean checksumMatches() throws IOException
    {
        fill(Integer.BYTES);
        updateChecksum();
        final int stored = staging.getInt();
        return (int)crc.getValue() == stored && !staging.hasRemaining() && channel.position() == channel.size();
    }

    private void fill(final int bytes) throws IOException
    {
        if (staging.remaining() >= bytes)
        {
            return;
        }
        updateChecksum();
        staging.compact();
        while (staging.position() < bytes)
        {
            if (channel.read(staging) < 0)
            {
                throw new EOFException("the snapshot ends early");
            }
        }
        staging.flip();
        unchecked = 0;
    }

    private void updateChecksum()
    {
        crc.update(staging.duplicate().limit(staging.position()).position(unchecked));
        unchecked = staging.position();
    }
}
