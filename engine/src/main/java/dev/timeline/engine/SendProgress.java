package dev.timeline.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How far the engine's posts have been handed on: each writer opens a floor before it draws ids
 * for a batch and closes it once the batch is applied, synced and in the delivery inbox of every
 * other partition. Any thread can then tell an id below which every post is handed on
 * ({@link #sentThrough}).
 * <p>
 * Why it holds: a writer stores its floor (at most the next id it can draw) before it draws from the
 * shared {@link IdClock}, and clears it only after handing the batch on. A thread that reads the clock
 * and then the floors sees, for every id at or below the clock value it read, either the floor of
 * the batch still handing it on or a floor cleared after it was handed on. Floors are padded to a
 * cache line each.
 */
final class SendProgress
{
    private static final int STRIDE = 8;
    private static final long CLOSED = Long.MAX_VALUE;

    private final IdClock idClock;
    private final int partitions;
    private final AtomicLongArray floors;

    SendProgress(final IdClock idClock, final int partitions)
    {
        this.idClock = idClock;
        this.partitions = partitions;
        floors = new AtomicLongArray(partitions * STRIDE);
        for (int partition = 0; partition < partitions; partition++)
        {
            floors.set(partition * STRIDE, CLOSED);
        }
    }

    /** Writer of {@code partition} only, before it draws the first id of a batch. */
    void open(final int partition)
    {
        floors.set(partition * STRIDE, idClock.current() + 1);
    }

    /** Writer of {@code partition} only, once every post of its batch is handed on. */
    void close(final int partition)
    {
        floors.set(partition * STRIDE, CLOSED);
    }

    /** Any thread: an id such that every post with an id at or below it is handed on. */
    long sentThrough()
    {
        long through = idClock.current();
        for (int partition = 0; partition < partitions; partition++)
        {
            final long floor = floors.get(partition * STRIDE);
            if (floor != CLOSED)
            {
                through = Math.min(through, floor - 1);
            }
        }
        return through;
    }
}
