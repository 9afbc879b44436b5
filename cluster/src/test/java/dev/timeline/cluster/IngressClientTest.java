package dev.timeline.cluster;

import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.TweetPage;
import io.aeron.exceptions.AeronException;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's side of exactly-once: how long it keeps a write it has no answer for. */
class IngressClientTest
{
    private static final int SLOTS = 16;

    private final AtomicLong nanoTime = new AtomicLong();
    private final List<Throwable> errors = new ArrayList<>();
    private final RingBuffer outbox = ClusterCommands.outbox(64 * 1024);
    private final AckSlots acks = new AckSlots(SLOTS);
    private final ClusterCommands commands = new ClusterCommands(
        outbox, acks, new TweetPage[SLOTS], new CommandGate(SLOTS, 64 * 1024), nanoTime::get, Duration.ofHours(1));
    private final IngressClient client = new IngressClient(
        () ->
        {
            throw new AeronException("no member answers");
        },
        7, outbox, acks, new TweetPage[SLOTS], true, nanoTime::get, TimeUnit.SECONDS.toNanos(2), errors::add);

    @Test
    void aWriteWithNoAnswerIsGivenUpAtTheResendLimitAndNeverSentAgain()
    {
        final CompletableFuture<Void> follow = new CompletableFuture<>();
        commands.submit(IngressLayout.FOLLOW, 1, 2, follow);
        client.doWork();
        nanoTime.set(TimeUnit.MILLISECONDS.toNanos(ClientSessions.RESEND_LIMIT_MS));
        client.doWork();
        assertFalse(follow.isDone(), "kept up to the resend limit");
        assertFalse(errors.isEmpty(), "each failed connection is reported");

        nanoTime.addAndGet(TimeUnit.SECONDS.toNanos(1));
        client.doWork();
        assertTrue(follow.isDone(), "given up past the resend limit");
        final ExecutionException failed = assertThrows(ExecutionException.class, follow::get);
        assertTrue(failed.getCause().getMessage().contains("may or may not have been applied"),
            failed.getCause().getMessage());
    }

    @Test
    void aStoppedClientFailsItsWritesInFlightAndEveryNewOneAtOnce()
    {
        final CompletableFuture<Void> inFlight = new CompletableFuture<>();
        commands.submit(IngressLayout.FOLLOW, 1, 2, inFlight);
        client.doWork();
        client.stop("this member stopped applying the log: its disk is full");
        client.doWork();
        final CompletableFuture<Void> later = new CompletableFuture<>();
        commands.submit(IngressLayout.FOLLOW, 3, 4, later);
        client.doWork();
        for (final CompletableFuture<Void> write : List.of(inFlight, later))
        {
            assertTrue(write.isDone(), "failed with no time passing");
            final ExecutionException failed = assertThrows(ExecutionException.class, write::get);
            assertTrue(failed.getCause().getMessage().endsWith("its disk is full"), failed.getCause().getMessage());
        }
    }
}
