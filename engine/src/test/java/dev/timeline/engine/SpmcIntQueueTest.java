package dev.timeline.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpmcIntQueueTest
{
    @Test
    void handsOutInTheOrderOffered()
    {
        final SpmcIntQueue queue = new SpmcIntQueue(3);
        assertEquals(-1, queue.poll());
        for (int lap = 0; lap < 5; lap++)
        {
            queue.offer(2);
            queue.offer(0);
            queue.offer(1);
            assertEquals(List.of(2, 0, 1), List.of(queue.poll(), queue.poll(), queue.poll()));
            assertEquals(-1, queue.poll());
        }
    }

    @Test
    void neverHandsOneIntToTwoConsumersAtOnce() throws InterruptedException
    {
        final int size = 8;
        final SpmcIntQueue queue = new SpmcIntQueue(size);
        for (int i = 0; i < size; i++)
        {
            queue.offer(i);
        }
        final ConcurrentLinkedQueue<Integer> givenBack = new ConcurrentLinkedQueue<>();
        final AtomicIntegerArray owners = new AtomicIntegerArray(size);
        final AtomicReference<String> failure = new AtomicReference<>();
        final AtomicBoolean consuming = new AtomicBoolean(true);
        final Thread producer = new Thread(() ->
        {
            while (consuming.get() || !givenBack.isEmpty())
            {
                final Integer value = givenBack.poll();
                if (value != null)
                {
                    queue.offer(value);
                }
            }
        });
        producer.start();
        final List<Thread> consumers = new ArrayList<>();
        for (int c = 1; c <= 3; c++)
        {
            final int owner = c;
            final Thread consumer = new Thread(() ->
            {
                for (int i = 0; i < 200_000; i++)
                {
                    final int value = queue.poll();
                    if (value < 0)
                    {
                        continue;
                    }
                    if (!owners.compareAndSet(value, 0, owner))
                    {
                        failure.compareAndSet(null, value + " handed out twice");
                    }
                    owners.set(value, 0);
                    givenBack.add(value);
                }
            });
            consumers.add(consumer);
            consumer.start();
        }
        for (final Thread consumer : consumers)
        {
            consumer.join();
        }
        consuming.set(false);
        producer.join();
        assertNull(failure.get());
        final Set<Integer> left = new HashSet<>();
        for (int value = queue.poll(); value >= 0; value = queue.poll())
        {
            left.add(value);
        }
        assertEquals(size, left.size(), "every int is in the queue again");
    }
}
