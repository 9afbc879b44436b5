package dev.timeline.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IntFreeListTest
{
    @Test
    void handsOutEveryIndexOnceThenNone()
    {
        final IntFreeList list = new IntFreeList(5);
        final Set<Integer> popped = new HashSet<>();
        for (int i = 0; i < 5; i++)
        {
            popped.add(list.pop());
        }
        assertEquals(Set.of(0, 1, 2, 3, 4), popped);
        assertEquals(-1, list.pop());
        list.push(3);
        assertEquals(3, list.pop());
        assertEquals(-1, list.pop());
    }

    @Test
    void neverHandsOneIndexToTwoThreadsAtOnce() throws InterruptedException
    {
        final int size = 8;
        final IntFreeList list = new IntFreeList(size);
        final AtomicIntegerArray owners = new AtomicIntegerArray(size);
        final AtomicReference<String> failure = new AtomicReference<>();
        final List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= 4; t++)
        {
            final int owner = t;
            final Thread thread = new Thread(() ->
            {
                for (int i = 0; i < 200_000; i++)
                {
                    final int index = list.pop();
                    if (index < 0)
                    {
                        continue;
                    }
                    if (!owners.compareAndSet(index, 0, owner))
                    {
                        failure.compareAndSet(null, "index " + index + " handed out twice");
                    }
                    owners.set(index, 0);
                    list.push(index);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }
        assertNull(failure.get());
        final Set<Integer> left = new HashSet<>();
        for (int index = list.pop(); index >= 0; index = list.pop())
        {
            left.add(index);
        }
        assertEquals(size, left.size(), "every index is free again");
    }
}
