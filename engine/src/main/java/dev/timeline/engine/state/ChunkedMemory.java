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
 * Chunks are direct buffers from an {@link OffHeapBudget}, released by {@link #free} once no reader
 * can reach them; a chunk that would pass its limit is refused with a
 * {@link dev.timeline.engine.MemoryLimitException}, leaving the chunks before it in place.
 */
final class ChunkedMemory
{
    static final int ALIGNMENT = 64;

    private final int chunkBytes;
    private final OffHeapBudget budget;
    private final boolean cache;
    private volatile UnsafeBuffer[] chunks = new UnsafeBuffer[0];

    /** @param cache whether the memory holds a cache, which must leave the budget's tweet reserve free. */
    ChunkedMemory(final int chunkBytes, final OffHeapBudget budget, final boolean cache)
    {
        this.chunkBytes = chunkBytes;
        this.budget = budget;
        this.cache = cache;
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

    /**
     * Writer only: allocates chunks up to and including {@code index}; returns that chunk.
     *
     * @throws dev.timeline.engine.MemoryLimitException if a chunk would pass the direct memory limit.
     */
    UnsafeBuffer ensureChunk(final int index)
    {
        while (index >= chunks.length)
        {
            final ByteBuffer memory = budget.allocate(chunkBytes + ALIGNMENT, cache);
            final int misalignment = (int)(BufferUtil.address(memory) & (ALIGNMENT - 1));
            final UnsafeBuffer[] grown = Arrays.copyOf(chunks, chunks.length + 1);
            grown[chunks.length] = new UnsafeBuffer(memory, misalignment == 0 ? 0 : ALIGNMENT - misalignment, chunkBytes);
            chunks = grown;
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
        budget.release((long)chunks.length * (chunkBytes + ALIGNMENT));
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
