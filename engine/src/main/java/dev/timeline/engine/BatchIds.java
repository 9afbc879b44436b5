package dev.timeline.engine;

import dev.timeline.engine.state.Partitioner;

/**
 * The ids a partition's writer gives the posts of one batch, issued by the shared {@link IdClock} in
 * blocks that double in size through the batch, so that a batch of {@code n} posts costs the clock
 * about {@code log2(n)} compare-and-sets and leaves fewer than {@code n} ids unused. A block never
 * outlives its batch: ids are drawn after the batch's {@link SendProgress} floor is opened and the
 * unused ones are dropped before it closes, as the watermark takes every id issued by then for
 * handed on. Writer only.
 */
final class BatchIds
{
    private static final int LARGEST_BLOCK = 128;

    private final IdClock clock;
    private final int partition;
    private final int stride;
    private int blockSize;
    private int left;
    private long next;

    BatchIds(final IdClock clock, final Partitioner partitioner, final int partition)
    {
        this.clock = clock;
        this.partition = partition;
        stride = partitioner.count();
    }

    /** The id of the batch's next post, at {@code nowMillis}, the same for the whole batch. */
    long next(final long nowMillis)
    {
        if (left == 0)
        {
            blockSize = blockSize == 0 ? 1 : Math.min(LARGEST_BLOCK, blockSize * 2);
            next = clock.issue(nowMillis, partition, blockSize);
            left = blockSize;
        }
        left--;
        final long id = next;
        next += stride;
        return id;
    }

    /** Drops the ids left in the block; the next batch starts with a block of one. */
    void endBatch()
    {
        blockSize = 0;
        left = 0;
    }
}
