package dev.timeline.engine;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Off-heap memory in equal chunks that are allocated as needed and never move or shrink, so a
 * reader holding an offset can always dereference it.
 * <p>
 * Single writer: only the owning writer thread calls {@link #ensureChunk(int)}. Readers on any
 * thread call {@link #chunk(int)}; the chunk directory is published with a volatile write.
 * Chunks are direct buffers, released by the garbage collector once the engine is unreachable, so a
 * read racing with {@code close} never touches freed memory.
 */
final class ChunkedMemory
{
    private final int chunkBytes;
    private volatile UnsafeBuffer[] chunks = new UnsafeBuffer[0];

    ChunkedMemory(final int chunkBytes)
    {
        this.chunkBytes = chunkBytes;
    }

    int chunkBytes()
    {
        return chunkBytes;
    }

    /** The chunk at {@code index}, or {@code null} if it has not been allocated (yet). */
    UnsafeBuffer chunk(final int index)
    {
        final UnsafeBuffer[] chunks = this.chunks;
        return index < chunks.length ? chunks[index] : null;
    }

    /** Writer only: allocates chunks up to and including {@code index}; returns that chunk. */
    UnsafeBuffer ensureChunk(final int index)
    {
        UnsafeBuffer[] chunks = this.chunks;
        if (index >= chunks.length)
        {
            chunks = Arrays.copyOf(chunks, index + 1);
            for (int i = this.chunks.length; i <= index; i++)
            {
                chunks[i] = new UnsafeBuffer(BufferUtil.allocateDirectAligned(chunkBytes, 64));
            }
            this.chunks = chunks;
        }
        return chunks[index];
    }

    /** Writes the first {@code length} bytes, counting every chunk before the last as full. */
    void writeTo(final SnapshotOutput out, final long length) throws IOException
    {
        long remaining = length;
        for (int i = 0; remaining > 0; i++)
        {
            final int bytes = (int)Math.min(chunkBytes, remaining);
            out.put(chunk(i).byteBuffer().duplicate().clear().limit(bytes));
            remaining -= bytes;
        }
    }

    /** Writer only: reads back what {@link #writeTo} wrote, allocating the chunks. */
    void readFrom(final SnapshotInput in, final long length) throws IOException
    {
        long remaining = length;
        for (int i = 0; remaining > 0; i++)
        {
            final int bytes = (int)Math.min(chunkBytes, remaining);
            final ByteBuffer into = ensureChunk(i).byteBuffer().duplicate().clear().limit(bytes);
            in.get(into);
            remaining -= bytes;
        }
    }

    long reservedBytes()
    {
        return (long)chunks.length * chunkBytes;
    }
}
