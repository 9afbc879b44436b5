package dev.timeline.cluster;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.Strategy;
import dev.timeline.engine.state.OffHeapBudget;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a {@link TimelineNode}, one member of a cluster: set what differs from the
 * defaults, then {@link TimelineNode#launch(NodeConfig)} checks it once through {@link #conclude()}.
 * The members, the member id, the data directory and the shared secret are required.
 * <p>
 * Every member of a cluster must have the same members, strategy, timeline capacity, celebrity
 * threshold, off-heap limit and secret: they shape the replicated state or let clients in.
 */
public final class NodeConfig
{
    /** Aeron detects a dead leader after this by default; tuned for a LAN, where 10 s is far too long. */
    public static final Duration DEFAULT_LEADER_HEARTBEAT_TIMEOUT = Duration.ofMillis(500);
    /** How long a write waits for a leader and its commit by default. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Bytes of log between the snapshots the leader asks for. */
    public static final long DEFAULT_SNAPSHOT_INTERVAL = 256L << 20;
    /** How long an idle agent sleeps at most by default. */
    public static final Duration DEFAULT_IDLE_MAX_PARK = Duration.ofMillis(1);
    /** Length of a term of the replicated log: a command is at most an eighth of it. */
    public static final int DEFAULT_LOG_TERM_LENGTH = 16 << 20;
    /** The shortest term: a client's batch of commands, up to 64 KiB, must fit a log message, an eighth of a term. */
    public static final int MIN_LOG_TERM_LENGTH = 1 << 20;
    /** The longest term: the archive's segments, four terms, are at most 1 GiB. */
    public static final int MAX_LOG_TERM_LENGTH = 256 << 20;

    private Members members;
    private int memberId = -1;
    private Path dataDirectory;
    private SharedSecret secret;
    private Strategy strategy = Strategy.HYBRID;
    private int timelineCapacity = EngineConfig.DEFAULT_TIMELINE_CAPACITY;
    private int celebrityThreshold = EngineConfig.DEFAULT_CELEBRITY_THRESHOLD;
    private long offHeapLimit = OffHeapBudget.UNLIMITED;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private Duration leaderHeartbeatTimeout = DEFAULT_LEADER_HEARTBEAT_TIMEOUT;
    private long snapshotInterval = DEFAULT_SNAPSHOT_INTERVAL;
    private int logTermLength = DEFAULT_LOG_TERM_LENGTH;
    private int maxInFlight = ClientSessions.WINDOW - 1;
    private Duration idleMaxPark = DEFAULT_IDLE_MAX_PARK;
    private Path aeronDirectory;
    private NanoClock nanoClock = SystemNanoClock.INSTANCE;

    /**
     * Checks every setting; called by {@link TimelineNode#launch}.
     *
     * @return this, for chaining.
     * @throws IllegalArgumentException naming the first setting that is missing or out of range.
     */
    public NodeConfig conclude()
    {
        if (members == null)
        {
            throw new IllegalArgumentException("members are required");
        }
        if (memberId < 0 || memberId >= members.count())
        {
            throw new IllegalArgumentException(
                "the member id must be 0.." + (members.count() - 1) + " for " + members.count() + " members, was " +
                memberId);
        }
        if (dataDirectory == null)
        {
            throw new IllegalArgumentException("dataDirectory is required");
        }
        if (secret == null)
        {
            throw new IllegalArgumentException(
                "a shared secret is required: every member and client of a cluster must present it");
        }
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(leaderHeartbeatTimeout, "leaderHeartbeatTimeout");
        Objects.requireNonNull(nanoClock, "nanoClock");
        new EngineConfig().dataDirectory(dataDirectory).strategy(strategy).timelineCapacity(timelineCapacity)
            .celebrityThreshold(celebrityThreshold).offHeapLimit(offHeapLimit).writeTimeout(writeTimeout).conclude();
        if (leaderHeartbeatTimeout.toMillis() < 100)
        {
            throw new IllegalArgumentException(
                "leaderHeartbeatTimeout must be at least 100 ms, was " + leaderHeartbeatTimeout.toMillis() + " ms");
        }
        if (snapshotInterval < 0)
        {
            throw new IllegalArgumentException("snapshotInterval must be 0 (off) or more, was " + snapshotInterval);
        }
        if (logTermLength < MIN_LOG_TERM_LENGTH || logTermLength > MAX_LOG_TERM_LENGTH ||
            Integer.bitCount(logTermLength) != 1)
        {
            throw new IllegalArgumentException(
                "logTermLength must be a power of two from 1 MiB to 256 MiB, was " + logTermLength);
        }
        checkIdleMaxPark(idleMaxPark);
        if (maxInFlight < 1 || maxInFlight >= ClientSessions.WINDOW)
        {
            throw new IllegalArgumentException(
                "maxInFlight must be 1.." + (ClientSessions.WINDOW - 1) + ", was " + maxInFlight);
        }
        if (aeronDirectory == null)
        {
            aeronDirectory = defaultAeronDirectory(members, memberId);
        }
        return this;
    }

    /**
     * Where member {@code memberId} of {@code members} keeps its media driver's buffers unless told
     * otherwise: {@code /dev/shm/timeline-HOST-PORT}, or under the temporary directory without /dev/shm.
     */
    public static Path defaultAeronDirectory(final Members members, final int memberId)
    {
        final Path shm = Path.of("/dev/shm");
        return (Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")))
            .resolve("timeline-" + members.member(memberId).replace(':', '-'));
    }

    /** The cluster's members, the same on every member; required. */
    public NodeConfig members(final Members members)
    {
        this.members = members;
        return this;
    }

    public Members members()
    {
        return members;
    }

    /** Which of the members this is: its index in {@link #members}; required. */
    public NodeConfig memberId(final int memberId)
    {
        this.memberId = memberId;
        return this;
    }

    public int memberId()
    {
        return memberId;
    }

    /** Where this member keeps its log, snapshots, counters and errors; created if absent. Required. */
    public NodeConfig dataDirectory(final Path dataDirectory)
    {
        this.dataDirectory = dataDirectory;
        return this;
    }

    public Path dataDirectory()
    {
        return dataDirectory;
    }

    /** The secret clients must present; required. */
    public NodeConfig secret(final SharedSecret secret)
    {
        this.secret = secret;
        return this;
    }

    public SharedSecret secret()
    {
        return secret;
    }

    /** As {@link EngineConfig#strategy}. */
    public NodeConfig strategy(final Strategy strategy)
    {
        this.strategy = strategy;
        return this;
    }

    public Strategy strategy()
    {
        return strategy;
    }

    /** As {@link EngineConfig#timelineCapacity}. */
    public NodeConfig timelineCapacity(final int timelineCapacity)
    {
        this.timelineCapacity = timelineCapacity;
        return this;
    }

    public int timelineCapacity()
    {
        return timelineCapacity;
    }

    /** As {@link EngineConfig#celebrityThreshold}. */
    public NodeConfig celebrityThreshold(final int celebrityThreshold)
    {
        this.celebrityThreshold = celebrityThreshold;
        return this;
    }

    public int celebrityThreshold()
    {
        return celebrityThreshold;
    }

    /**
     * As {@link EngineConfig#offHeapLimit}: a post past it is refused alike on every member with the
     * same limit. A member whose JVM runs out of direct memory first stops instead, rather than
     * diverge from the others.
     */
    public NodeConfig offHeapLimit(final long offHeapLimit)
    {
        this.offHeapLimit = offHeapLimit;
        return this;
    }

    public long offHeapLimit()
    {
        return offHeapLimit;
    }

    /**
     * How long a write waits for the cluster to commit it and this member to apply it, across
     * elections, before {@link dev.timeline.engine.WriteTimeoutException}; 30 s by default.
     */
    public NodeConfig writeTimeout(final Duration writeTimeout)
    {
        this.writeTimeout = writeTimeout;
        return this;
    }

    public Duration writeTimeout()
    {
        return writeTimeout;
    }

    /**
     * How long followers wait without hearing from the leader before they elect another: the larger
     * part of a failover. 500 ms by default, for a LAN; it must stay above the longest pause of any
     * member (garbage collection, a starved CPU). Elections time out at half of it.
     */
    public NodeConfig leaderHeartbeatTimeout(final Duration leaderHeartbeatTimeout)
    {
        this.leaderHeartbeatTimeout = leaderHeartbeatTimeout;
        return this;
    }

    public Duration leaderHeartbeatTimeout()
    {
        return leaderHeartbeatTimeout;
    }

    /**
     * Bytes of log after which the leader asks every member for a snapshot, 0 for none but on a
     * clean stop; the log before the older of each member's last two snapshots is then purged.
     */
    public NodeConfig snapshotInterval(final long snapshotInterval)
    {
        this.snapshotInterval = snapshotInterval;
        return this;
    }

    public long snapshotInterval()
    {
        return snapshotInterval;
    }

    /** Length of a term of the replicated log, a power of two from 1 MiB to 256 MiB, fixed when the log is created. */
    public NodeConfig logTermLength(final int logTermLength)
    {
        this.logTermLength = logTermLength;
        return this;
    }

    public int logTermLength()
    {
        return logTermLength;
    }

    /** Writes of this node sent but not yet applied here, at most; past it writes are rejected. */
    public NodeConfig maxInFlight(final int maxInFlight)
    {
        this.maxInFlight = maxInFlight;
        return this;
    }

    public int maxInFlight()
    {
        return maxInFlight;
    }

    /**
     * How long an idle agent of this member (media driver, archive, consensus module, service, the node's client) sleeps at most before it looks for work again: the trade
     * of latency against CPU. Each of its threads backs off from spinning to parking for up to this;
     * 1 ms by default, so that idle members take little CPU, which adds up to about that much to each
     * hop of a write. 1 µs to 100 ms; on cores of its own, a few microseconds.
     */
    public NodeConfig idleMaxPark(final Duration idleMaxPark)
    {
        this.idleMaxPark = idleMaxPark;
        return this;
    }

    public Duration idleMaxPark()
    {
        return idleMaxPark;
    }

    /** A new idle strategy for one of this member's threads, backing off to {@link #idleMaxPark}. */
    IdleStrategy idleStrategy()
    {
        return idleStrategy(idleMaxPark);
    }

    static IdleStrategy idleStrategy(final Duration maxPark)
    {
        final long maxNs = maxPark.toNanos();
        return new BackoffIdleStrategy(10, 20, Math.min(1_000, maxNs), maxNs);
    }

    static void checkIdleMaxPark(final Duration maxPark)
    {
        Objects.requireNonNull(maxPark, "idleMaxPark");
        if (maxPark.toNanos() < 1_000 || maxPark.toMillis() > 100)
        {
            throw new IllegalArgumentException("idleMaxPark must be 1 µs to 100 ms, was " + maxPark);
        }
    }

    /** Where the member's media driver keeps its buffers: by default under /dev/shm, by member. */
    public NodeConfig aeronDirectory(final Path aeronDirectory)
    {
        this.aeronDirectory = aeronDirectory;
        return this;
    }

    public Path aeronDirectory()
    {
        return aeronDirectory;
    }

    /** The clock write timeouts are measured on. */
    public NodeConfig nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    public NanoClock nanoClock()
    {
        return nanoClock;
    }
}
