package dev.timeline.engine.state;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Off-heap memory in equal, cache-line aligned chunks that are allocated as needed and never move
 * or shrink, so a reader holding an offset can always dereference it.
 * <p>
 * Single writer: only the owning writer thread calls {@link #ensureChunk(int)}. Readers on any
 * thread call {@link #chunk(int)}; the chunk directory is published with a volatile write.
 * Chunks are direct buffers, released by {@link #free} once no reader can reach them.
 */
final class ChunkedMemory
{
    private static final int ALIGNMENT = 64;

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
                final ByteBuffer memory = ByteBuffer.allocateDirect(chunkBytes + ALIGNMENT);
                final int misalignment = (int)(BufferUtil.address(memory) & (ALIGNMENT - 1));
                chunks[i] = new UnsafeBuffer(memory, misalignment == 0 ? 0 : ALIGNMENT - misalignment, chunkBytes);
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
            out.put(view(chunk(i), bytes));
            remaining -= bytes;
        }
    }

    /** Writer only: reads back what {@link #writeTo} wrote, allocating the chunks. */
    void readFrom(final SnapshotInput in, final long length) throws IOException
    {
        in.checkRemaining(length);
        long remaining = length;
        for (int i = 0; remaining > 0; i++)
        {
            final int bytes = (int)Math.min(chunkBytes, remaining);
            in.get(view(ensureChunk(i), bytes));
            remaining -= bytes;
        }
    }

    /** Releases every chunk; only once no thread reads or writes this memory any more. */
    void free()
    {
        for (final UnsafeBuffer chunk : chunks)
        {
            BufferUtil.free(chunk.byteBuffer());
        }
        chunks = new UnsafeBuffer[0];
    }

    long reservedBytes()
    {
        return (long)chunks.length * chunkBytes;
    }

    /** The first {@code bytes} of {@code chunk} as a byte buffer positioned on them. */
    private static ByteBuffer view(final UnsafeBuffer chunk, final int bytes)
    {
        final int start = chunk.wrapAdjustment();
        return chunk.byteBuffer().duplicate().limit(start + bytes).position(start);
    }
}
