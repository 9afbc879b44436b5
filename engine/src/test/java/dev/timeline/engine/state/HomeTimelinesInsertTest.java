package dev.timeline.engine.state;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries from other partitions arrive out of id order, mixed with in-order appends and with
 * unfollows that empty a timeline: after every change the ring holds exactly the entries above its
 * horizon, oldest first, and never more than the capacity.
 */
class HomeTimelinesInsertTest
{
    @Test
    void outOfOrderDeliveriesKeepExactlyTheEntriesAboveTheHorizon()
    {
        final Random random = new Random(1);
        for (int round = 0; round < 300; round++)
        {
            final int capacity = 1 + random.nextInt(40);
            final HomeTimelines timelines = new HomeTimelines(capacity, new OffHeapBudget(OffHeapBudget.UNLIMITED, 1));
            final UserTable table = new UserTable(4);
            final TreeSet<Long> all = new TreeSet<>();
            long next = 1_000;
            for (int i = 0; i < 200; i++)
            {
                final long id;
                if (random.nextInt(50) == 0)
                {
                    table.beginWrite(0);
                    timelines.removeAuthor(table, 0, 1);
                    table.endWrite(0);
                    all.removeIf(held -> held > table.horizon(0));
                    continue;
                }
                if (random.nextBoolean() || all.isEmpty())
                {
                    next += 1 + random.nextInt(5);
                    id = next;
                    table.beginWrite(0);
                    timelines.append(table, 0, id, 1, 0);
                    table.endWrite(0);
                }
                else
                {
                    id = next - random.nextInt(60);
                    if (all.contains(id))
                    {
                        continue;
                    }
                    table.beginWrite(0);
                    timelines.add(table, 0, id, 1, 0);
                    table.endWrite(0);
                }
                all.add(id);
                final long horizon = table.horizon(0);
                final List<Long> expected = new ArrayList<>(all.tailSet(horizon, false));
                final List<Long> held = new ArrayList<>();
                final long ring = table.ring(0);
                final long block = table.block(0);
                for (int p = 0; p < TimelineLayout.count(ring); p++)
                {
                    final int offset = TimelineLayout.entryOffset(timelines.blockOffset(block),
                        HomeTimelines.ringIndex(timelines.capacity(block), TimelineLayout.start(ring), p));
                    held.add(timelines.chunk(block).getLong(offset + TimelineLayout.ENTRY_ID_OFFSET));
                }
                assertTrue(held.size() <= capacity);
                assertEquals(expected, held, "round " + round + " capacity " + capacity + " after " + id + " horizon " + horizon);
            }
            timelines.free();
        }
    }
}
