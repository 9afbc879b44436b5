package dev.timeline.engine;

import org.agrona.concurrent.UnsafeBuffer;

import static dev.timeline.engine.DeliveryLayout.AUTHOR_OFFSET;
import static dev.timeline.engine.DeliveryLayout.COUNT_OFFSET;
import static dev.timeline.engine.DeliveryLayout.ID_OFFSET;
import static dev.timeline.engine.DeliveryLayout.SOURCE_OFFSET;
import static dev.timeline.engine.DeliveryLayout.TWEET_OFFSET;
import static dev.timeline.engine.DeliveryLayout.entryOffset;

/**
 * The tweets a writer posted and has yet to hand on, laid out as one {@link DeliveryLayout} message,
 * so that every other partition receives a batch's tweets in one message rather than one each.
 * Writer only.
 */
final class DeliveryBatch
{
    private final UnsafeBuffer message;
    private final int capacity;
    private int count;

    /** A batch of {@code source}'s tweets, at most {@code capacity} at a time. */
    DeliveryBatch(final int source, final int capacity)
    {
        this.capacity = capacity;
        message = new UnsafeBuffer(new byte[entryOffset(0, capacity)]);
        message.putInt(SOURCE_OFFSET, source);
    }

    boolean isEmpty()
    {
        return count == 0;
    }

    boolean isFull()
    {
        return count == capacity;
    }

    /** Adds a tweet, newer than those held; the batch must not be full. */
    void add(final long id, final long author, final int tweet)
    {
        final int at = entryOffset(0, count++);
        message.putLong(at + ID_OFFSET, id);
        message.putLong(at + AUTHOR_OFFSET, author);
        message.putInt(at + TWEET_OFFSET, tweet);
    }

    /** The message holding the tweets added, {@link #length()} bytes. */
    UnsafeBuffer message()
    {
        message.putInt(COUNT_OFFSET, count);
        return message;
    }

    int length()
    {
        return entryOffset(0, count);
    }

    void clear()
    {
        count = 0;
    }
}
