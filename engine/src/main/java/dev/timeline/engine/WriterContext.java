package dev.timeline.engine;

import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.Partitioner;
import dev.timeline.engine.state.Watermark;
import dev.timeline.engine.status.CallerCounts;
import dev.timeline.engine.status.EngineCounters;
import dev.timeline.engine.status.ErrorLog;
import org.agrona.concurrent.EpochClock;

import java.util.Objects;

/**
 * What the partition writers of an engine share, set once by the engine and checked by
 * {@link #conclude()} before the first writer is built from it: the delivery inboxes between
 * partitions, the watermark and how far posts are handed on, the id clock, the snapshot rounds, the
 * clock, the error log, the counters, how writers wake each other and the settings every writer follows.
 */
final class WriterContext
{
    private Partitioner partitioner;
    private DeliveryInboxes deliveries;
    private Watermark watermark;
    private IdClock idClock;
    private SendProgress sendProgress;
    private SnapshotRounds snapshotRounds;
    private EpochClock epochClock;
    private ErrorLog errorLog;
    private EngineCounters counters;
    private CallerCounts callerCounts;
    private CommandGate gate;
    private WriterWakeups wakeups;
    private int maxInFlight;
    private boolean syncEachBatch;
    private long snapshotInterval;

    /** @throws NullPointerException naming the first part that is missing. */
    WriterContext conclude()
    {
        Objects.requireNonNull(partitioner, "partitioner");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(idClock, "idClock");
        Objects.requireNonNull(sendProgress, "sendProgress");
        Objects.requireNonNull(snapshotRounds, "snapshotRounds");
        Objects.requireNonNull(epochClock, "epochClock");
        Objects.requireNonNull(errorLog, "errorLog");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(callerCounts, "callerCounts");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(wakeups, "wakeups");
        return this;
    }

    WriterContext partitioner(final Partitioner partitioner)
    {
        this.partitioner = partitioner;
        return this;
    }

    Partitioner partitioner()
    {
        return partitioner;
    }

    WriterContext deliveries(final DeliveryInboxes deliveries)
    {
        this.deliveries = deliveries;
        return this;
    }

    DeliveryInboxes deliveries()
    {
        return deliveries;
    }

    WriterContext watermark(final Watermark watermark)
    {
        this.watermark = watermark;
        return this;
    }

    Watermark watermark()
    {
        return watermark;
    }

    WriterContext idClock(final IdClock idClock)
    {
        this.idClock = idClock;
        return this;
    }

    IdClock idClock()
    {
        return idClock;
    }

    WriterContext sendProgress(final SendProgress sendProgress)
    {
        this.sendProgress = sendProgress;
        return this;
    }

    SendProgress sendProgress()
    {
        return sendProgress;
    }

    WriterContext snapshotRounds(final SnapshotRounds snapshotRounds)
    {
        this.snapshotRounds = snapshotRounds;
        return this;
    }

    SnapshotRounds snapshotRounds()
    {
        return snapshotRounds;
    }

    /** The clock that times the commands, and so the tweet ids. */
    WriterContext epochClock(final EpochClock epochClock)
    {
        this.epochClock = epochClock;
        return this;
    }

    EpochClock epochClock()
    {
        return epochClock;
    }

    WriterContext errorLog(final ErrorLog errorLog)
    {
        this.errorLog = errorLog;
        return this;
    }

    ErrorLog errorLog()
    {
        return errorLog;
    }

    WriterContext counters(final EngineCounters counters)
    {
        this.counters = counters;
        return this;
    }

    EngineCounters counters()
    {
        return counters;
    }

    WriterContext callerCounts(final CallerCounts callerCounts)
    {
        this.callerCounts = callerCounts;
        return this;
    }

    CallerCounts callerCounts()
    {
        return callerCounts;
    }

    /** The gate the engine's callers submit through, which counts the writes it rejects. */
    WriterContext gate(final CommandGate gate)
    {
        this.gate = gate;
        return this;
    }

    CommandGate gate()
    {
        return gate;
    }

    /** How a writer wakes the others when it leaves them work. */
    WriterContext wakeups(final WriterWakeups wakeups)
    {
        this.wakeups = wakeups;
        return this;
    }

    WriterWakeups wakeups()
    {
        return wakeups;
    }

    /** Writes accepted but not yet acknowledged, per partition: the acknowledgement slots. */
    WriterContext maxInFlight(final int maxInFlight)
    {
        this.maxInFlight = maxInFlight;
        return this;
    }

    int maxInFlight()
    {
        return maxInFlight;
    }

    /** Whether each batch forces the journal to storage before it is acknowledged. */
    WriterContext syncEachBatch(final boolean syncEachBatch)
    {
        this.syncEachBatch = syncEachBatch;
        return this;
    }

    boolean syncEachBatch()
    {
        return syncEachBatch;
    }

    /** Journal events in one partition after which it asks for a snapshot round, 0 for never. */
    WriterContext snapshotInterval(final long snapshotInterval)
    {
        this.snapshotInterval = snapshotInterval;
        return this;
    }

    long snapshotInterval()
    {
        return snapshotInterval;
    }
}
