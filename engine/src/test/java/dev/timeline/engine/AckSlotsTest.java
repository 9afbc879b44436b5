package dev.timeline.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        acks.complete(firstSlot, AckSlots.OK, 7);
        assertEquals(7L, first.join());
        assertEquals(List.of(firstSlot), claimedOnCompletion, "a completion that writes again finds the slot");

        acks.complete(secondSlot, AckSlots.TWEET_NOT_FOUND, 9);
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
                    acks.complete(slot, AckSlots.OK, i);
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
}
