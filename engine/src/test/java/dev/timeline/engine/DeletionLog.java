package dev.timeline.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which tweets were deleted, and when on a logical clock, so that a reader can check that nothing
 * deleted before its read began shows up in it.
 */
final class DeletionLog
{
    private final AtomicLong clock = new AtomicLong();
    private final Map<Long, Long> deletedAt = new ConcurrentHashMap<>();

    /** Records the delete of {@code tweetId}, which the engine acknowledged. */
    void deleted(final long tweetId)
    {
        deletedAt.put(tweetId, clock.incrementAndGet());
    }

    /** The time now: every delete recorded at or before it was acknowledged before this call. */
    long now()
    {
        return clock.get();
    }

    boolean deletedBy(final long tweetId, final long time)
    {
        final Long at = deletedAt.get(tweetId);
        return at != null && at <= time;
    }
}
