package dev.timeline.engine.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every slot comes back once its write is answered, however it was answered. */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AckSlotsTest
{
    @Test
    void theSlotOfAnAsyncWriteIsFreeWhenItsFutureCompletes()
    {
        final AckSlots acks = new AckSlots(2);
        final CompletableFuture<Long> first = new CompletableFuture<>();
        final CompletableFuture<Long> second = new CompletableFuture<>();
        final int firstSlot = acks.claim(first);
        final int secondSlot = acks.claim(second);
        assertEquals(-1, acks.claim(new CompletableFuture<>()));

        final List<Integer> claimedOnCompletion = new ArrayList<>();
        first.thenRun(() -> claimedOnCompletion.add(acks.claim(new CompletableFuture<>())));
        acks.complete(firstSlot, Outcomes.OK, 7, null);
        assertEquals(7L, first.join());
        assertEquals(List.of(firstSlot), claimedOnCompletion, "a completion that writes again finds the slot");

        acks.complete(secondSlot, Outcomes.TWEET_NOT_FOUND, 9, null);
        assertTrue(second.isCompletedExceptionally());
        assertEquals(secondSlot, acks.claim(null));
    }

    @Test
    void slotsComeBackFromAsyncBlockingAndUnsubmittedWritesAlike()
    {
        final int size = 100;
        final AckSlots acks = new AckSlots(size);
        for (int round = 0; round < 5; round++)
        {
            final List<Integer> claimed = new ArrayList<>();
            for (int i = 0; i < size; i++)
            {
                claimed.add(acks.claim(i % 3 == 0 ? null : new CompletableFuture<>()));
            }
            assertEquals(size, new HashSet<>(claimed).size());
            assertEquals(-1, acks.claim(null));
            for (int i = 0; i < size; i++)
            {
                final int slot = claimed.get(i);
                if (i % 5 == 4)
                {
                    acks.release(slot);
                }
                else
                {
                    acks.complete(slot, Outcomes.OK, i, null);
                    if (i % 3 == 0)
                    {
                        assertEquals(i, acks.await(slot, () -> 0, 0));
                    }
                }
            }
        }
        final Set<Integer> free = new HashSet<>();
        for (int slot = acks.claim(null); slot >= 0; slot = acks.claim(null))
        {
            free.add(slot);
        }
        assertEquals(size, free.size());
    }

    @Test
    void aParkedCallerIsWokenByTheOutcome() throws InterruptedException
    {
        final AckSlots acks = new AckSlots(1, 0);
        final int slot = acks.claim(null);
        final AtomicReference<Long> answer = new AtomicReference<>();
        final Thread caller = new Thread(() -> answer.set(acks.await(slot, () -> 0, Long.MAX_VALUE)));
        caller.start();
        while (LockSupport.getBlocker(caller) != acks)
        {
            Thread.onSpinWait();
        }
        acks.complete(slot, Outcomes.OK, 42, null);
        caller.join();
        assertEquals(42L, answer.get());
        assertEquals(slot, acks.claim(null), "the slot is free again");
    }

    @Test
    void aCallerThatSpinsUntilDoneGetsItsOutcome() throws InterruptedException
    {
        final AckSlots acks = new AckSlots(1, AckSlots.SPIN_UNTIL_DONE);
        final int slot = acks.claim(null);
        final AtomicReference<Long> answer = new AtomicReference<>();
        final Thread caller = new Thread(() -> answer.set(acks.await(slot, () -> 0, Long.MAX_VALUE)));
        caller.start();
        acks.complete(slot, Outcomes.OK, 7, null);
        caller.join();
        assertEquals(7L, answer.get());
    }

    @Test
    void neverHandsOneSlotToTwoCallersAtOnce() throws InterruptedException
    {
        final int size = 8;
        final AckSlots acks = new AckSlots(size);
        final AtomicIntegerArray owners = new AtomicIntegerArray(size);
        final AtomicReference<String> failure = new AtomicReference<>();
        final ConcurrentLinkedQueue<Integer> submitted = new ConcurrentLinkedQueue<>();
        final AtomicBoolean submitting = new AtomicBoolean(true);
        final Thread writer = new Thread(() ->
        {
            while (submitting.get() || !submitted.isEmpty())
            {
                final Integer slot = submitted.poll();
                if (slot != null)
                {
                    acks.complete(slot, Outcomes.OK, slot, null);
                }
            }
        });
        writer.start();
        final List<Thread> callers = new ArrayList<>();
        for (int c = 1; c <= 3; c++)
        {
            final int owner = c;
            final Thread caller = new Thread(() ->
            {
                for (int i = 0; i < 50_000; i++)
                {
                    final boolean blocking = (i + owner) % 2 == 0;
                    final int slot = acks.claim(blocking ? null : new CompletableFuture<>());
                    if (slot < 0)
                    {
                        continue;
                    }
                    if (!owners.compareAndSet(slot, 0, owner))
                    {
                        failure.compareAndSet(null, "slot " + slot + " handed out twice");
                    }
                    owners.set(slot, 0);
                    submitted.add(slot);
                    if (blocking && acks.await(slot, () -> 0, 0) != slot)
                    {
                        failure.compareAndSet(null, "slot " + slot + " got another write's outcome");
                    }
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (final Thread caller : callers)
        {
            caller.join();
        }
        submitting.set(false);
        writer.join();
        assertNull(failure.get());
        final Set<Integer> free = new HashSet<>();
        for (int slot = acks.claim(null); slot >= 0; slot = acks.claim(null))
        {
            free.add(slot);
        }
        assertEquals(size, free.size(), "every slot is free again");
    }
}
