package dev.timeline.engine.state;

import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;

/**
 * Fixed-size off-heap blocks of timeline entries, all of one capacity, addressed by index. A block
 * given back is handed out again, never unmapped, so a reader holding a stale index reads memory
 * that exists; the seqlock it reads under tells it the values are stale.
 * <p>
 * Single writer allocates and releases; readers on any thread call {@link #chunk} and {@link #offset}.
 */
final class BlockPool
{
    private static final int CHUNK_BYTES = 1 << 22;

    private final int capacity;
    private final int blockLength;
    private final int blocksPerChunk;
    private final ChunkedMemory memory;
    private final IntArrayList released = new IntArrayList();
    private int blocks;

    BlockPool(final int capacity, final OffHeapBudget budget)
    {
        this.capacity = capacity;
        blockLength = TimelineLayout.blockLength(capacity);
        blocksPerChunk = Math.max(1, CHUNK_BYTES / blockLength);
        memory = new ChunkedMemory(blocksPerChunk * blockLength, budget, true);
    }

    /** Entries a block holds. */
    int capacity()
    {
        return capacity;
    }

    /** Writer only: a block, reused if one was released. */
    int allocate()
    {
        if (!released.isEmpty())
        {
            return released.popInt();
        }
        memory.ensureChunk(blocks / blocksPerChunk);
        return blocks++;
    }

    /** Writer only: gives {@code block} back for reuse. */
    void release(final int block)
    {
        released.addInt(block);
    }

    /** The chunk holding {@code block}, or null if it is not (yet) visible to this thread. */
    UnsafeBuffer chunk(final int block)
    {
        return block < 0 ? null : memory.chunk(block / blocksPerChunk);
    }

    int offset(final int block)
    {
        return (block % blocksPerChunk) * blockLength;
    }

    void writeTo(final SnapshotOutput out) throws IOException
    {
        out.putInt(blocks);
        memory.writeTo(out, usedBytes());
        out.putInt(released.size());
        for (int i = 0; i < released.size(); i++)
        {
            out.putInt(released.getInt(i));
        }
    }

    /** Writer only, on an empty pool. */
    void readFrom(final SnapshotInput in) throws IOException
    {
        blocks = in.getInt();
        memory.readFrom(in, usedBytes());
        for (int i = 0, n = in.getCount(Integer.BYTES); i < n; i++)
        {
            released.addInt(in.getInt());
        }
    }

    void free()
    {
        memory.free();
    }

    long reservedBytes()
    {
        return memory.reservedBytes();
    }

    private long usedBytes()
    {
        return (long)(blocks / blocksPerChunk) * memory.chunkBytes() + (long)(blocks % blocksPerChunk) * blockLength;
    }
}
