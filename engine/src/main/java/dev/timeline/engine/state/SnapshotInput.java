package dev.timeline.engine.state;

import org.agrona.BufferUtil;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Reads one checksummed section of a snapshot file written by {@link SnapshotOutput}, keeping a
 * CRC32C of every byte consumed; the checksum is brought up to date a buffer at a time, not per value.
 * <p>
 * Reads are positional, so inputs over different sections of one channel may be read by different
 * threads at once; each input is used by one thread at a time.
 */
final class SnapshotInput implements AutoCloseable
{
    private final FileChannel channel;
    private final long end;
    private final ByteBuffer staging = DirectMemory.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    /** The file position of the first byte not yet read into the staging buffer. */
    private long position;
    /** Where in the staging buffer the bytes not yet in the checksum begin. */
    private int unchecked;

    /** Reads the section from file position {@code start} up to {@code end}, its checksum included. */
    SnapshotInput(final FileChannel channel, final long start, final long end)
    {
        this.channel = channel;
        this.end = end;
        position = start;
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

    /** A count of items of {@code itemBytes} each that follow; damage that makes it run past the section fails. */
    int getCount(final int itemBytes) throws IOException
    {
        final int count = getInt();
        if (count < 0)
        {
            throw new IOException("negative count in the snapshot: " + count);
        }
        checkRemaining((long)count * itemBytes);
        return count;
    }

    /** Fills {@code into}. */
    void getInts(final int[] into) throws IOException
    {
        for (int done = 0; done < into.length; )
        {
            fill(Integer.BYTES);
            final int ints = Math.min(staging.remaining() / Integer.BYTES, into.length - done);
            staging.asIntBuffer().get(into, done, ints);
            staging.position(staging.position() + ints * Integer.BYTES);
            done += ints;
        }
    }

    /** Fills the remaining bytes of {@code into}, reading all but the first few straight from the file. */
    void get(final ByteBuffer into) throws IOException
    {
        checkRemaining(into.remaining());
        final int staged = Math.min(staging.remaining(), into.remaining());
        into.put(staging.duplicate().limit(staging.position() + staged));
        staging.position(staging.position() + staged);
        updateChecksum();
        final ByteBuffer read = into.duplicate();
        while (into.hasRemaining())
        {
            position += readAt(into);
        }
        crc.update(read.limit(into.position()));
    }

    /** Fails if fewer than {@code bytes} are left in the section. */
    void checkRemaining(final long bytes) throws IOException
    {
        if (bytes > end - position + staging.remaining())
        {
            throw new EOFException("the snapshot ends before " + bytes + " more bytes");
        }
    }

    /** Reads the section's trailing checksum: true if it matches every byte before it and nothing follows. */
    boolean checksumMatches() throws IOException
    {
        fill(Integer.BYTES);
        updateChecksum();
        final int stored = staging.getInt();
        return (int)crc.getValue() == stored && !staging.hasRemaining() && position == end;
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
            staging.limit((int)Math.min(staging.capacity(), staging.position() + end - position));
            position += readAt(staging);
        }
        staging.flip();
        unchecked = 0;
    }

    /** Reads into {@code into} at {@link #position}, at least one byte, never past the section's end. */
    private int readAt(final ByteBuffer into) throws IOException
    {
        final int read = into.remaining() > end - position ? 0 : channel.read(into, position);
        if (read <= 0)
        {
            throw new EOFException("the snapshot ends early");
        }
        return read;
    }

    private void updateChecksum()
    {
        crc.update(staging.duplicate().limit(staging.position()).position(unchecked));
        unchecked = staging.position();
    }

    /** Frees the staging buffer at once rather than when it is collected. */
    @Override
    public void close()
    {
        BufferUtil.free(staging);
    }
}
