package dev.timeline.engine;

import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.OffHeapBudget;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Configuration of a {@link TimelineEngine}: set what differs from the defaults, then
 * {@link TimelineEngine#open(EngineConfig)} validates it once through {@link #conclude()}.
 * <p>
 * Only the data directory is required. A config is not thread-safe and is not used after {@code open}.
 */
public final class EngineConfig
{
    /** Twitter and Mastodon keep about 800 entries per home timeline. */
    public static final int DEFAULT_TIMELINE_CAPACITY = 800;
    /** Authors with at least this many followers are merged at read time under {@link Strategy#HYBRID}. */
    public static final int DEFAULT_CELEBRITY_THRESHOLD = 10_000;
    /** Bytes in the inbox ring buffer (commands are 24 to 1,136 bytes each). */
    public static final int DEFAULT_INBOX_BYTES = 1 << 20;
    /** The smallest inbox whose largest message (an eighth of it) holds the longest post. */
    public static final int MIN_INBOX_BYTES = 1 << 14;
    /** Writes accepted but not yet acknowledged, across all callers, per partition. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 4096;
    public static final int MAX_TIMELINE_CAPACITY = 1 << 16;
    /** Journal events between periodic snapshots. */
    public static final long DEFAULT_SNAPSHOT_INTERVAL = 10_000_000;
    /** The most partitions an engine may have. */
    public static final int MAX_PARTITIONS = 64;
    /** The partition count that means: as many as the data directory was created with, 1 for a new one. */
    public static final int DIRECTORY_PARTITIONS = 0;
    /** How long an idle writer, and a caller waiting for its acknowledgement, spin before they park. */
    public static final Duration DEFAULT_SPIN_BEFORE_PARK = Duration.ofNanos(AckSlots.DEFAULT_SPIN_NANOS);

    private Path dataDirectory;
    private int partitions = DIRECTORY_PARTITIONS;
    private Strategy strategy = Strategy.HYBRID;
    private int timelineCapacity = DEFAULT_TIMELINE_CAPACITY;
    private int celebrityThreshold = DEFAULT_CELEBRITY_THRESHOLD;
    private int inboxBytes = DEFAULT_INBOX_BYTES;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private Duration writeTimeout = Duration.ofSeconds(10);
    private SyncMode syncMode = SyncMode.NONE;
    private boolean busySpin;
    private Duration spinBeforePark = DEFAULT_SPIN_BEFORE_PARK;
    private Supplier<IdleStrategy> idleStrategy;
    private long snapshotInterval = DEFAULT_SNAPSHOT_INTERVAL;
    private boolean readOnly;
    private boolean ignoreSnapshots;
    private RecoveryListener recoveryListener = (replayed, total) -> {};
    private long offHeapLimit = OffHeapBudget.UNLIMITED;
    private EpochClock epochClock = SystemEpochClock.INSTANCE;
    private NanoClock nanoClock = SystemNanoClock.INSTANCE;

    /**
     * Checks every setting; called by {@link TimelineEngine#open(EngineConfig)}.
     *
     * @return this, for chaining.
     * @throws IllegalArgumentException naming the first setting that is out of range.
     */
    public EngineConfig conclude()
    {
        if (dataDirectory == null)
        {
            throw new IllegalArgumentException("dataDirectory is required");
        }
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(syncMode, "syncMode");
        Objects.requireNonNull(spinBeforePark, "spinBeforePark");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(recoveryListener, "recoveryListener");
        Objects.requireNonNull(epochClock, "epochClock");
        Objects.requireNonNull(nanoClock, "nanoClock");
        if (partitions != DIRECTORY_PARTITIONS && (partitions < 1 || partitions > MAX_PARTITIONS))
        {
            throw new IllegalArgumentException("partitions must be 1.." + MAX_PARTITIONS + ", was " + partitions);
        }
        if (timelineCapacity < 1 || timelineCapacity > MAX_TIMELINE_CAPACITY)
        {
            throw new IllegalArgumentException(
                "timelineCapacity must be 1.." + MAX_TIMELINE_CAPACITY + ", was " + timelineCapacity);
        }
        if (celebrityThreshold < 1)
        {
            throw new IllegalArgumentException("celebrityThreshold must be at least 1, was " + celebrityThreshold);
        }
        if (inboxBytes < MIN_INBOX_BYTES || Integer.bitCount(inboxBytes) != 1)
        {
            throw new IllegalArgumentException(
                "inboxBytes must be a power of two of at least " + MIN_INBOX_BYTES + ", was " + inboxBytes);
        }
        if (maxInFlight < 1)
        {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        if (snapshotInterval < 0)
        {
            throw new IllegalArgumentException("snapshotInterval must be 0 (off) or more, was " + snapshotInterval);
        }
        if (offHeapLimit < 1)
        {
            throw new IllegalArgumentException("offHeapLimit must be at least 1 byte, was " + offHeapLimit);
        }
        if (spinBeforePark.isNegative())
        {
            throw new IllegalArgumentException("spinBeforePark must be 0 or more, was " + spinBeforePark);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero())
        {
            throw new IllegalArgumentException("writeTimeout must be positive, was " + writeTimeout);
        }
        return this;
    }

    /** Where the journal, counters and snapshots live; created if absent. Required. */
    public EngineConfig dataDirectory(final Path dataDirectory)
    {
        this.dataDirectory = dataDirectory;
        return this;
    }

    public Path dataDirectory()
    {
        return dataDirectory;
    }

    /**
     * Partitions, each with its own writer thread, inbox, journal and memory. Users are hashed to
     * partitions. Fixed when the data directory is created: opening it with another count is refused.
     * By default ({@link #DIRECTORY_PARTITIONS}) the count the directory was created with, 1 for a
     * new directory.
     */
    public EngineConfig partitions(final int partitions)
    {
        this.partitions = partitions;
        return this;
    }

    public int partitions()
    {
        return partitions;
    }

    /** Fan-out strategy; {@link Strategy#HYBRID} by default. Only changes speed, never answers. */
    public EngineConfig strategy(final Strategy strategy)
    {
        this.strategy = strategy;
        return this;
    }

    public Strategy strategy()
    {
        return strategy;
    }

    /** Entries kept per materialized home timeline; older pages are merged from author lists. */
    public EngineConfig timelineCapacity(final int timelineCapacity)
    {
        this.timelineCapacity = timelineCapacity;
        return this;
    }

    public int timelineCapacity()
    {
        return timelineCapacity;
    }

    /** Follower count from which {@link Strategy#HYBRID} stops fanning an author out. */
    public EngineConfig celebrityThreshold(final int celebrityThreshold)
    {
        this.celebrityThreshold = celebrityThreshold;
        return this;
    }

    public int celebrityThreshold()
    {
        return celebrityThreshold;
    }

    /** Size in bytes of the inbox ring buffer, a power of two; a full inbox rejects writes. */
    public EngineConfig inboxBytes(final int inboxBytes)
    {
        this.inboxBytes = inboxBytes;
        return this;
    }

    public int inboxBytes()
    {
        return inboxBytes;
    }

    /** Most writes accepted but not yet acknowledged; past it writes are rejected. */
    public EngineConfig maxInFlight(final int maxInFlight)
    {
        this.maxInFlight = maxInFlight;
        return this;
    }

    public int maxInFlight()
    {
        return maxInFlight;
    }

    /** How long a blocking write waits for its acknowledgement before {@link WriteTimeoutException}. */
    public EngineConfig writeTimeout(final Duration writeTimeout)
    {
        this.writeTimeout = writeTimeout;
        return this;
    }

    public Duration writeTimeout()
    {
        return writeTimeout;
    }

    /** Whether acknowledgements wait for the journal to reach storage. */
    public EngineConfig syncMode(final SyncMode syncMode)
    {
        this.syncMode = syncMode;
        return this;
    }

    public SyncMode syncMode()
    {
        return syncMode;
    }

    /**
     * Whether writers, and callers waiting for their acknowledgements, spin instead of parking when
     * they have nothing to do: each writer then takes a whole processor all the time, idle or not,
     * and in return never needs waking. For processors set aside for the engine; off by default.
     */
    public EngineConfig busySpin(final boolean busySpin)
    {
        this.busySpin = busySpin;
        return this;
    }

    public boolean busySpin()
    {
        return busySpin;
    }

    /**
     * Unless {@link #busySpin}: how long a writer that ran out of work, and a caller waiting for its
     * acknowledgement, spin before they park; {@link #DEFAULT_SPIN_BEFORE_PARK} by default. Whoever
     * leaves work for a parked writer, or an outcome for a parked caller, unparks it, which takes
     * microseconds, and far longer on a machine with every processor busy; a longer spin saves that
     * under a steady load, at the cost of a processor while it spins. An idle engine parks whatever
     * this is.
     */
    public EngineConfig spinBeforePark(final Duration spinBeforePark)
    {
        this.spinBeforePark = spinBeforePark;
        return this;
    }

    public Duration spinBeforePark()
    {
        return spinBeforePark;
    }

    /**
     * Replaces what a writer thread does when it has no work. By default a
     * {@link ParkingIdleStrategy} that spins for {@link #spinBeforePark} and parks until woken, or a
     * busy spin with {@link #busySpin}. Submissions wake only a {@link ParkingIdleStrategy}; any
     * other strategy must come back to look for work by itself.
     */
    public EngineConfig idleStrategy(final Supplier<IdleStrategy> idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    /** The idle strategy of each writer: as set, or as {@link #busySpin} and {@link #spinBeforePark} make it. */
    public Supplier<IdleStrategy> idleStrategy()
    {
        if (idleStrategy != null)
        {
            return idleStrategy;
        }
        if (busySpin)
        {
            return BusySpinIdleStrategy::new;
        }
        final long spinNanos = spinBeforePark.toNanos();
        return () -> new ParkingIdleStrategy(spinNanos, ParkingIdleStrategy.DEFAULT_MAX_PARK_NANOS);
    }

    /**
     * How long a caller waiting for its acknowledgement spins before it parks, in nanoseconds:
     * {@link AckSlots#SPIN_UNTIL_DONE} with {@link #busySpin}.
     */
    public long callerSpinNanos()
    {
        return busySpin ? AckSlots.SPIN_UNTIL_DONE : spinBeforePark.toNanos();
    }

    /**
     * Journal events between periodic snapshots, 0 for none; a snapshot is also written on close.
     * The writer pauses while it writes one, so fewer snapshots mean fewer pauses but longer replays.
     * With more than one partition the interval counts one partition's journal, and all partitions
     * pause and snapshot together, with no delivery in flight between them.
     */
    public EngineConfig snapshotInterval(final long snapshotInterval)
    {
        this.snapshotInterval = snapshotInterval;
        return this;
    }

    public long snapshotInterval()
    {
        return snapshotInterval;
    }

    /**
     * Recover by replaying the whole journal, ignoring any snapshot: to check every event of the
     * journal, or to measure replay. Off by default.
     */
    public EngineConfig ignoreSnapshots(final boolean ignoreSnapshots)
    {
        this.ignoreSnapshots = ignoreSnapshots;
        return this;
    }

    public boolean ignoreSnapshots()
    {
        return ignoreSnapshots;
    }

    /**
     * Recover the state of an existing data directory without taking it over: no writes, no lock,
     * nothing written to the directory. For inspecting a journal, even one a live engine is using.
     */
    public EngineConfig readOnly(final boolean readOnly)
    {
        this.readOnly = readOnly;
        return this;
    }

    public boolean readOnly()
    {
        return readOnly;
    }

    /** Told of replay progress during open, every few thousand events; nothing by default. */
    public EngineConfig recoveryListener(final RecoveryListener recoveryListener)
    {
        this.recoveryListener = recoveryListener;
        return this;
    }

    public RecoveryListener recoveryListener()
    {
        return recoveryListener;
    }

    /**
     * The most off-heap memory the engine's tweets and timelines may take, over all partitions;
     * by default no limit but the JVM's direct memory ({@code -XX:MaxDirectMemorySize}). A post that
     * needs more is refused with {@link MemoryLimitException} before it is journaled; a timeline that
     * cannot grow keeps fewer entries and reads merge the rest, so answers never change.
     */
    public EngineConfig offHeapLimit(final long offHeapLimit)
    {
        this.offHeapLimit = offHeapLimit;
        return this;
    }

    public long offHeapLimit()
    {
        return offHeapLimit;
    }

    /**
     * The clock that times the commands the writers journal, and so the tweet ids; the system clock
     * by default. Ids stay increasing whatever it returns.
     */
    public EngineConfig epochClock(final EpochClock epochClock)
    {
        this.epochClock = epochClock;
        return this;
    }

    public EpochClock epochClock()
    {
        return epochClock;
    }

    /** The clock write timeouts are measured on; the system's monotonic clock by default. */
    public EngineConfig nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    public NanoClock nanoClock()
    {
        return nanoClock;
    }
}
