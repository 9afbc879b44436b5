package dev.timeline.engine;

import org.agrona.concurrent.IdleStrategy;

/**
 * How a thread that left work for a partition's writer wakes it, should it be parked: callers
 * after submitting a command, writers after delivering a post to another partition, raising the
 * watermark another writer's acknowledgements wait for, or asking for a snapshot round. Only a
 * writer idling with a {@link ParkingIdleStrategy} parks; waking any other costs nothing. The
 * strategies are registered before the writers start; thread-safe after that.
 */
final class WriterWakeups
{
    private final ParkingIdleStrategy[] parking;

    WriterWakeups(final int partitions)
    {
        parking = new ParkingIdleStrategy[partitions];
    }

    /** Before the writers start: the idle strategy of the writer of {@code partition}. */
    void register(final int partition, final IdleStrategy idleStrategy)
    {
        parking[partition] = idleStrategy instanceof ParkingIdleStrategy ? (ParkingIdleStrategy)idleStrategy : null;
    }

    /** Wakes the writer of {@code partition} if it is parked. */
    void wake(final int partition)
    {
        final ParkingIdleStrategy strategy = parking[partition];
        if (strategy != null)
        {
            strategy.wake();
        }
    }

    /** Wakes every writer but that of {@code partition}, those that are parked. */
    void wakeOthers(final int partition)
    {
        for (int other = 0; other < parking.length; other++)
        {
            if (other != partition)
            {
                wake(other);
            }
        }
    }

    /** Makes the writer of {@code partition} stop parking, and wakes it, so it sees it is to stop. */
    void stop(final int partition)
    {
        final ParkingIdleStrategy strategy = parking[partition];
        if (strategy != null)
        {
            strategy.stop();
        }
    }
}
