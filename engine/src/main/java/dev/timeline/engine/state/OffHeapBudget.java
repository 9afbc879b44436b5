package dev.timeline.engine.state;

import dev.timeline.engine.MemoryLimitException;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The off-heap memory an engine's stores may take, shared by its partitions: every chunk comes from
 * here, and one that would pass the budget's limit, or the JVM's direct memory limit
 * ({@link DirectMemory}), is refused with a {@link MemoryLimitException} before anything is
 * allocated. Timelines are caches, so their chunks must also leave free what the next post of every
 * partition may need, the tweet reserve: a timeline never takes the memory a post needs.
 * Thread-safe.
 */
public final class OffHeapBudget
{
    /** A budget with no limit of its own: only the JVM's direct memory limit applies. */
    public static final long UNLIMITED = Long.MAX_VALUE;
    private static final double MIB = 1 << 20;

    private final long limit;
    private final long tweetReserve;
    private final AtomicLong reserved = new AtomicLong();

    /**
     * @param limit      bytes the stores may take in all, or {@link #UNLIMITED}.
     * @param partitions the partitions that take from it, whose next posts the reserve is kept for.
     */
    public OffHeapBudget(final long limit, final int partitions)
    {
        if (limit < 1)
        {
            throw new IllegalArgumentException("an off-heap limit must be at least 1 byte, was " + limit);
        }
        this.limit = limit;
        tweetReserve = (long)partitions * TweetStore.NEXT_CHUNKS_BYTES;
    }

    /** Bytes allocated through this budget and not freed. */
    public long reserved()
    {
        return reserved.get();
    }

    /** The limit of this budget in bytes, or {@link #UNLIMITED}. */
    public long limit()
    {
        return limit;
    }

    /**
     * A new direct buffer of {@code bytes}, counted against the budget; for a cache, only if the tweet
     * reserve stays free besides.
     *
     * @throws MemoryLimitException if it would pass this budget's limit or the JVM's.
     */
    ByteBuffer allocate(final int bytes, final boolean cache)
    {
        final long headroom = cache ? tweetReserve : 0;
        long current;
        do
        {
            current = reserved.get();
            if (bytes + headroom > limit - current)
            {
                throw new MemoryLimitException(String.format(
                    "out of off-heap memory: %.1f MiB more are needed and %.1f of the engine's limit of %.1f MiB " +
                    "are in use; raise EngineConfig.offHeapLimit", (bytes + headroom) / MIB, current / MIB, limit / MIB),
                    false);
            }
        }
        while (!reserved.compareAndSet(current, current + bytes));
        try
        {
            return DirectMemory.allocate(bytes, headroom);
        }
        catch (final MemoryLimitException ex)
        {
            reserved.addAndGet(-bytes);
            throw ex;
        }
    }

    /** Gives back {@code bytes} freed. */
    void release(final long bytes)
    {
        reserved.addAndGet(-bytes);
    }
}
