package dev.timeline.engine.state;

import org.agrona.concurrent.UnsafeBuffer;

import static dev.timeline.engine.state.TimelineLayout.ENTRY_AUTHOR_OFFSET;
import static dev.timeline.engine.state.TimelineLayout.ENTRY_ID_OFFSET;
import static dev.timeline.engine.state.TimelineLayout.ENTRY_TWEET_OFFSET;
import static dev.timeline.engine.state.TimelineLayout.entryOffset;

/**
 * A reader's view of one user's timeline ring during a seqlock read: entries by position,
 * {@code 0} the oldest. Every value may be torn until the read is validated; {@link #wrap} refuses
 * a header that cannot be a ring, so positions below {@link #count()} always stay inside the block.
 * Reused by one reading thread.
 */
final class RingView
{
    private UnsafeBuffer chunk;
    private int at;
    private int start;
    private int count;
    private int capacity;

    /** Views the ring of {@code block} described by {@code ring}; false if they are torn. */
    boolean wrap(final HomeTimelines timelines, final long block, final long ring)
    {
        capacity = timelines.capacity(block);
        chunk = timelines.chunk(block);
        start = TimelineLayout.start(ring);
        count = TimelineLayout.count(ring);
        if (chunk == null || start < 0 || start >= capacity || count < 0 || count > capacity)
        {
            return false;
        }
        at = timelines.blockOffset(block);
        return true;
    }

    int count()
    {
        return count;
    }

    long id(final int position)
    {
        return chunk.getLong(entry(position) + ENTRY_ID_OFFSET);
    }

    int author(final int position)
    {
        return chunk.getInt(entry(position) + ENTRY_AUTHOR_OFFSET);
    }

    int tweet(final int position)
    {
        return chunk.getInt(entry(position) + ENTRY_TWEET_OFFSET);
    }

    /** The newest position holding an id below {@code bound}, or -1; the newest itself is tried first. */
    int lastBelow(final long bound)
    {
        if (count > 0 && id(count - 1) < bound)
        {
            return count - 1;
        }
        int low = 0;
        int high = count - 2;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (id(mid) < bound)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return high;
    }

    /** From {@code position} down, the first position whose author is not in {@code pulled}, or -1. */
    int skipAuthors(final int position, final int[] pulled)
    {
        int newest = position;
        while (newest >= 0 && pulled.length > 0 && SortedInts.contains(pulled, author(newest)))
        {
            newest--;
        }
        return newest;
    }

    private int entry(final int position)
    {
        return entryOffset(at, HomeTimelines.ringIndex(capacity, start, position));
    }
}
