package dev.timeline.engine;

import dev.timeline.engine.state.Partitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids drawn a block at a time keep the clock's contract and waste fewer ids than they issue. */
@Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BatchIdsTest
{
    private static final long NOW = 1_700_000_000_000L;

    @Test
    void idsIncreaseNameTheirPartitionAndStartAtTheMillisecond()
    {
        final Partitioner partitioner = new Partitioner(3);
        final IdClock clock = new IdClock(partitioner);
        final BatchIds ids = new BatchIds(clock, partitioner, 2);
        long previous = TweetIds.firstIdAt(NOW) - 1;
        for (int batch = 1; batch <= 40; batch++)
        {
            for (int post = 0; post < batch; post++)
            {
                final long id = ids.next(NOW);
                assertTrue(id > previous, id + " after " + previous);
                assertEquals(2, partitioner.ofTweet(id));
                previous = id;
            }
            ids.endBatch();
        }
    }

    @Test
    void aBatchUsesMoreThanHalfOfTheIdsItTakes()
    {
        final Partitioner partitioner = new Partitioner(1);
        final IdClock clock = new IdClock(partitioner);
        final BatchIds ids = new BatchIds(clock, partitioner, 0);
        for (int posts = 1; posts <= 600; posts++)
        {
            final long before = clock.current();
            long last = 0;
            for (int post = 0; post < posts; post++)
            {
                last = ids.next(NOW);
            }
            ids.endBatch();
            final long taken = clock.current() - Math.max(before, TweetIds.firstIdAt(NOW) - 1);
            assertTrue(taken < 2L * posts, posts + " posts took " + taken + " ids");
            assertTrue(last <= clock.current());
        }
    }

    @Test
    void anIdDrawnAfterABatchEndsIsAboveEveryIdOfThatBatch()
    {
        final Partitioner partitioner = new Partitioner(2);
        final IdClock clock = new IdClock(partitioner);
        final BatchIds first = new BatchIds(clock, partitioner, 0);
        final BatchIds second = new BatchIds(clock, partitioner, 1);
        long highest = 0;
        for (int batch = 0; batch < 5; batch++)
        {
            highest = first.next(NOW);
        }
        first.endBatch();
        final long next = second.next(NOW);
        assertTrue(next > highest);
        second.endBatch();
        assertTrue(first.next(NOW) > next);
    }

    @Test
    void threadsSharingTheClockNeverIssueOneIdTwice() throws InterruptedException
    {
        final Partitioner partitioner = new Partitioner(1);
        final IdClock clock = new IdClock(partitioner);
        final Set<Long> issued = ConcurrentHashMap.newKeySet();
        final AtomicReference<String> failure = new AtomicReference<>();
        final Thread[] writers = new Thread[2];
        for (int writer = 0; writer < writers.length; writer++)
        {
            final BatchIds ids = new BatchIds(clock, partitioner, 0);
            writers[writer] = new Thread(() ->
            {
                final Set<Long> own = new HashSet<>();
                long previous = 0;
                for (int batch = 0; batch < 2_000; batch++)
                {
                    for (int post = 0; post <= batch % 300; post++)
                    {
                        final long id = ids.next(NOW + batch / 100);
                        if (id <= previous || !own.add(id))
                        {
                            failure.compareAndSet(null, "id " + id + " after " + previous);
                        }
                        previous = id;
                    }
                    ids.endBatch();
                }
                issued.addAll(own);
            });
            writers[writer].start();
        }
        for (final Thread writer : writers)
        {
            writer.join();
        }
        assertNull(failure.get());
        long expected = 0;
        for (int batch = 0; batch < 2_000; batch++)
        {
            expected += batch % 300 + 1;
        }
        assertEquals(2 * expected, issued.size(), "two threads' ids, all distinct");
    }
}
