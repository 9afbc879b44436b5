package dev.timeline.engine;

import dev.timeline.engine.state.DirectMemory;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;


import static dev.timeline.engine.DeliveryLayout.DELIVER;

/**
 * The bounded delivery inbox of every partition, of messages laid out as {@link DeliveryLayout}, each
 * the tweets of one batch of a {@link DeliveryBatch}: many producers (the other partitions' writers),
 * one consumer (the partition's own writer). A full inbox makes the sender wait, draining its own
 * inbox meanwhile, so two partitions flooding each other both make progress and memory stays bounded.
 */
final class DeliveryInboxes
{
    private final RingBuffer[] inboxes;

    DeliveryInboxes(final int partitions, final int bytes)
    {
        inboxes = new RingBuffer[partitions];
        if (partitions > 1)
        {
            for (int partition = 0; partition < partitions; partition++)
            {
                inboxes[partition] = new ManyToOneRingBuffer(
                    new UnsafeBuffer(DirectMemory.allocate(bytes + RingBufferDescriptor.TRAILER_LENGTH)));
            }
        }
    }

    int partitions()
    {
        return inboxes.length;
    }

    /** The inbox of {@code partition}; null with a single partition, which delivers nothing. */
    RingBuffer inbox(final int partition)
    {
        return inboxes[partition];
    }

    /** The most tweets one delivery message may hold, so that it fits any inbox. */
    int maxTweetsPerMessage()
    {
        final int maxLength = inboxes.length > 1 ? inboxes[0].maxMsgLength() : 0;
        return Math.max(1, (maxLength - DeliveryLayout.HEADER_LENGTH) / DeliveryLayout.ENTRY_LENGTH);
    }

    /** Hands {@code target} the tweets of {@code batch}; false if its inbox is full. */
    boolean offer(final int target, final DeliveryBatch batch)
    {
        return inboxes[target].write(DELIVER, batch.message(), 0, batch.length());
    }

    /** True if every inbox's consumer has passed the producer position recorded for it. */
    boolean consumedUpTo(final long[] producerPositions)
    {
        for (int partition = 0; partition < inboxes.length; partition++)
        {
            if (inboxes[partition] != null && inboxes[partition].consumerPosition() < producerPositions[partition])
            {
                return false;
            }
        }
        return true;
    }

    /** Fills {@code into} with every inbox's producer position now. */
    void producerPositions(final long[] into)
    {
        for (int partition = 0; partition < inboxes.length; partition++)
        {
            into[partition] = inboxes[partition] == null ? 0 : inboxes[partition].producerPosition();
        }
    }

    /** True if no inbox holds a message. */
    boolean isEmpty()
    {
        for (final RingBuffer inbox : inboxes)
        {
            if (inbox != null && inbox.size() > 0)
            {
                return false;
            }
        }
        return true;
    }
}
