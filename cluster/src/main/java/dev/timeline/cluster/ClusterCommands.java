package dev.timeline.cluster;

import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.TweetPage;
import dev.timeline.engine.state.TweetText;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static dev.timeline.cluster.IngressLayout.FIRST_OFFSET;
import static dev.timeline.cluster.IngressLayout.LIMIT_OFFSET;
import static dev.timeline.cluster.IngressLayout.SECOND_OFFSET;
import static dev.timeline.cluster.IngressLayout.TAG_OFFSET;
import static dev.timeline.cluster.IngressLayout.TEXT_OFFSET;
import static dev.timeline.cluster.IngressLayout.TYPE_OFFSET;

/**
 * The callers' side of an {@link IngressClient}: encodes each command, laid out as
 * {@link IngressLayout} and tagged with its acknowledgement slot, into the client's outbox through
 * the same {@link CommandGate} the embedded engine's callers pass, and waits on the slot. The
 * client numbers the commands as it sends them. Arguments are checked by the caller. Thread-safe.
 */
final class ClusterCommands
{
    private final RingBuffer outbox;
    private final AckSlots acks;
    private final TweetPage[] pages;
    private final CommandGate gate;
    private final NanoClock clock;
    private final long timeoutNs;

    ClusterCommands(
        final RingBuffer outbox, final AckSlots acks, final TweetPage[] pages, final CommandGate gate,
        final NanoClock clock, final Duration timeout)
    {
        this.outbox = outbox;
        this.acks = acks;
        this.pages = pages;
        this.gate = gate;
        this.clock = clock;
        timeoutNs = timeout.toNanos();
    }

    /** Submits a command of {@code type} with two longs (follow, unfollow, delete, sync); returns its slot. */
    int submit(final int type, final long first, final long second, final CompletableFuture<?> future)
    {
        final int slot = gate.enter(acks, future);
        final int index = gate.claim(outbox, acks, type, IngressLayout.PAIR_LENGTH, slot);
        final UnsafeBuffer buffer = start(index, type, slot);
        buffer.putLong(index + FIRST_OFFSET, first);
        buffer.putLong(index + SECOND_OFFSET, second);
        return gate.commit(outbox, index, slot);
    }

    /** Submits a post whose text measured {@code textLength} UTF-8 bytes; returns its slot. */
    int post(final long author, final CharSequence text, final int textLength, final CompletableFuture<?> future)
    {
        final int slot = gate.enter(acks, future);
        final int index = gate.claim(outbox, acks, IngressLayout.POST, TEXT_OFFSET + textLength, slot);
        final UnsafeBuffer buffer = start(index, IngressLayout.POST, slot);
        buffer.putLong(index + FIRST_OFFSET, author);
        if (TweetText.encode(text, buffer, index + TEXT_OFFSET, textLength) != textLength)
        {
            gate.abort(outbox, acks, index, slot);
            throw new IllegalArgumentException("the text changed while it was being posted; nothing was posted");
        }
        return gate.commit(outbox, index, slot);
    }

    /** Submits a read through the log, answered into the page of its slot; returns the slot. */
    int read(final int type, final long user, final int limit, final long before)
    {
        final int slot = gate.enter(acks, null);
        pages[slot].clear();
        final int index = gate.claim(outbox, acks, type, IngressLayout.READ_LENGTH, slot);
        final UnsafeBuffer buffer = start(index, type, slot);
        buffer.putLong(index + FIRST_OFFSET, user);
        buffer.putLong(index + SECOND_OFFSET, before);
        buffer.putInt(index + LIMIT_OFFSET, limit);
        return gate.commit(outbox, index, slot);
    }

    /** Waits for the outcome in {@code slot} for at most the write timeout; the tweet id of a post. */
    long await(final int slot)
    {
        return acks.await(slot, clock, clock.nanoTime() + timeoutNs);
    }

    CommandGate gate()
    {
        return gate;
    }

    /** An outbox of {@code bytes} for callers on any thread and one agent taking their commands. */
    static ManyToOneRingBuffer outbox(final int bytes)
    {
        return new ManyToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(bytes + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    private UnsafeBuffer start(final int index, final int type, final int slot)
    {
        final UnsafeBuffer buffer = (UnsafeBuffer)outbox.buffer();
        buffer.putInt(index + TYPE_OFFSET, type);
        buffer.putInt(index + TAG_OFFSET, slot);
        return buffer;
    }
}
