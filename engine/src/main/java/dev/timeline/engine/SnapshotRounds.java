package dev.timeline.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Brings the writers of every partition to one point so they snapshot together, with no delivery
 * in flight between them. A writer whose journal has grown enough asks for a round; every writer,
 * between two batches, joins it: it stops taking commands and fans out deliveries until all have
 * joined, so none sends any more; it then empties its delivery inbox and waits until all have, and
 * only then writes its snapshot, numbered with the round's epoch, and goes on. Thread-safe.
 */
final class SnapshotRounds
{
    private final int partitions;
    private final long epochBeforeFirst;
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong joined = new AtomicLong();
    private final AtomicLong drained = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** @param latestEpoch the largest snapshot epoch on disk; rounds are numbered above it. */
    SnapshotRounds(final int partitions, final long latestEpoch)
    {
        this.partitions = partitions;
        epochBeforeFirst = latestEpoch;
    }

    /** Asks for the round after {@code round}, unless another writer asked already. */
    void request(final long round)
    {
        requested.compareAndSet(round, round + 1);
    }

    /** The last round asked for. */
    long requested()
    {
        return requested.get();
    }

    long epoch(final long round)
    {
        return epochBeforeFirst + round;
    }

    /**
     * Joins {@code round} and waits, running {@code drain} meanwhile, until every partition has
     * joined it and emptied its delivery inbox.
     *
     * @param drain fans out waiting deliveries and returns how many.
     * @return false if the engine began closing first: the round is abandoned.
     */
    boolean join(final long round, final IntSupplier drain)
    {
        joined.incrementAndGet();
        if (!await(joined, round, drain))
        {
            return false;
        }
        while (drain.getAsInt() > 0)
        {
            Thread.onSpinWait();
        }
        drained.incrementAndGet();
        return await(drained, round, drain);
    }

    /** Abandons any round in progress; called before the writers stop. */
    void stop()
    {
        stopping.set(true);
    }

    /** The epoch of the snapshots written on close, above every round's. */
    long closingEpoch()
    {
        return epoch(requested.get() + 1);
    }

    private boolean await(final AtomicLong counter, final long round, final IntSupplier drain)
    {
        while (counter.get() < round * partitions)
        {
            if (stopping.get())
            {
                return false;
            }
            if (drain.getAsInt() == 0)
            {
                Thread.onSpinWait();
            }
        }
        return true;
    }
}
