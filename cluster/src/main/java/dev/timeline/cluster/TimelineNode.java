package dev.timeline.cluster;

import dev.timeline.engine.DataDirectoryException;
import dev.timeline.engine.DiskFullException;
import dev.timeline.engine.EngineClosedException;
import dev.timeline.engine.EngineStats;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.TimelineException;
import dev.timeline.engine.TimelineView;
import dev.timeline.engine.state.AckSlots;
import dev.timeline.engine.state.CommandChecks;
import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.OffHeapBudget;
import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.state.Partitioner;
import dev.timeline.engine.state.TimelineReader;
import dev.timeline.engine.state.TweetList;
import dev.timeline.engine.status.CallerCounts;
import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.EngineCounters;
import dev.timeline.engine.status.ErrorLog;
import dev.timeline.engine.status.PartitionCounters;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredServiceContainer;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One member of a replicated timeline engine, in the caller's process: a media driver, an archive,
 * a consensus module and the {@link TimelineService} that applies the committed log to this
 * member's replica. It has the API of the embedded engine.
 * <p>
 * Writes go through the cluster: they return once committed and applied on this member, so a read
 * here right after shows them. While there is no leader they wait, up to the write timeout, and are
 * sent again to the next leader; a write sent again is applied once. Reads come from this member's
 * replica, lock-free, at the speed of the embedded engine; {@link #sync()} waits until this member
 * has applied everything committed before it was called.
 * <p>
 * A member's data directory holds its archived log and snapshots ({@code archive/},
 * {@code cluster/}) and its error log, and is locked while it runs. Closing a node asks the cluster
 * for a snapshot first, then leaves the cluster, which goes on with the other members.
 * <p>
 * A member whose data directory's free space falls to its reserve, two segments of the archived
 * log, or whose JVM runs out of direct memory, stops applying the log rather than diverge from the
 * others, says why in {@link #halted()} and its error log, and leaves the cluster, which goes on
 * with the other members; restarted with the space or memory it lacked, it catches up.
 */
public final class TimelineNode extends ClusterWrites
{
    private static final int OUTBOX_BYTES = 4 << 20;
    private static final long SNAPSHOT_ON_CLOSE_WAIT_MS = 10_000;
    private static final long LEADER_LINGER_MS = 300;

    private final NodeConfig config;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EngineCounters counters;
    private final CallerCounts callerCounts = new CallerCounts();
    private final ErrorLog errors;
    private final DiskSpace disk;
    private final PartitionState state;
    private final TimelineService service;
    private final TimelineReader reader;
    private final ClusteredMediaDriver clusteredDriver;
    private final ClusteredServiceContainer container;
    private final ConsensusCounters consensusCounters;
    private final AgentRunner clientRunner;
    private final AgentRunner snapshotRunner;
    private final IngressClient client;
    private final AtomicReference<Throwable> halted = new AtomicReference<>();

    private TimelineNode(final NodeConfig config)
    {
        this(config, new AckSlots(config.maxInFlight()), ClusterCommands.outbox(OUTBOX_BYTES));
    }

    private TimelineNode(final NodeConfig config, final AckSlots acks, final ManyToOneRingBuffer outbox)
    {
        super(new ClusterCommands(
            outbox, acks, null, new CommandGate(config.maxInFlight(), OUTBOX_BYTES), config.nanoClock(),
            config.writeTimeout()));
        this.config = config;
        final Path data = config.dataDirectory();
        try
        {
            Files.createDirectories(data);
            lockChannel = FileChannel.open(data.resolve("member.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        }
        catch (final IOException ex)
        {
            throw new DataDirectoryException("cannot lock member directory " + data + ": " + ex.getMessage(), ex);
        }
        if (lock == null)
        {
            CloseHelper.quietClose(lockChannel);
            throw new DataDirectoryException("member directory " + data + " is in use by another node");
        }
        final DiskSpace aeronSpace;
        try
        {
            disk = new DiskSpace(data, MemberContexts.diskReserve(config), "for its log");
            Files.createDirectories(config.aeronDirectory());
            aeronSpace = new DiskSpace(
                config.aeronDirectory(), MemberContexts.aeronReserve(config), "for its media driver's buffers");
        }
        catch (final IOException ex)
        {
            release();
            throw new DataDirectoryException("cannot prepare member directory " + data + " or Aeron directory " +
                config.aeronDirectory() + ": " + ex.getMessage(), ex);
        }
        final DiskFullException dataFull = disk.exhausted();
        final DiskFullException full = dataFull != null ? dataFull : aeronSpace.exhausted();
        if (full != null)
        {
            release();
            throw full;
        }
        try
        {
            AeronFiles.clearMarkFilesOfDeadRuns(data);
            counters = new EngineCounters(data);
            errors = ErrorLog.create(data, SystemEpochClock.INSTANCE, counters.counter(Counter.ERRORS));
        }
        catch (final IOException ex)
        {
            release();
            throw new DataDirectoryException("cannot prepare member directory " + data + ": " + ex.getMessage(), ex);
        }
        state = new PartitionState(0, new Partitioner(1), config.strategy(), config.timelineCapacity(),
            config.celebrityThreshold(), new OffHeapBudget(config.offHeapLimit(), 1));
        final long clientId = new SecureRandom().nextLong() & Long.MAX_VALUE;
        service = new TimelineService(state, clientId, acks, new SnapshotTransfer(data), disk,
            new PartitionCounters(counters, callerCounts, commands.gate(), 0), this::halt, new SleepingMillisIdleStrategy(1));
        reader = service.reader();
        final MemberContexts contexts = new MemberContexts(config, service, errors);
        contexts.consensus.terminationHook(this::onConsensusStopped);
        client = new IngressClient(
            this::clusterContext, clientId, outbox, acks, null, false, config.nanoClock(),
            config.leaderHeartbeatTimeout().toNanos() * 4, errors);
        clientRunner = new AgentRunner(config.idleStrategy(), errors::log, errors.counter(), client);
        snapshotRunner = new AgentRunner(config.idleStrategy(), errors::log, errors.counter(), new SnapshotSchedule(
            contexts.consensus, config.snapshotInterval(), () -> MemberContexts.localArchive(config), errors));
        ClusteredMediaDriver driver = null;
        ClusteredServiceContainer serviceContainer = null;
        try
        {
            driver = ClusteredMediaDriver.launch(contexts.driver, contexts.archive, contexts.consensus);
            serviceContainer = ClusteredServiceContainer.launch(contexts.container);
            AeronFiles.allocate(data);
        }
        catch (final RuntimeException | IOException | InternalError ex)
        {
            CloseHelper.quietCloseAll(clientRunner, snapshotRunner, serviceContainer, driver);
            state.free();
            release();
            if (ex instanceof InternalError)
            {
                // A page of a mapped file that its file system has no room for faults when first written.
                final DiskFullException dataRanOut = disk.exhausted();
                throw dataRanOut != null ? dataRanOut : aeronSpace.full(ex);
            }
            throw new TimelineException("member " + config.memberId() + " could not start: " + ex.getMessage(), ex);
        }
        clusteredDriver = driver;
        container = serviceContainer;
        consensusCounters = new ConsensusCounters(config.aeronDirectory(), contexts.consensus);
        AgentRunner.startOnThread(clientRunner);
        AgentRunner.startOnThread(snapshotRunner);
    }

    /**
     * Starts this member of the cluster in {@code config}, recovering its replica from its data
     * directory: its last snapshot and the log after it, then what the others committed meanwhile.
     *
     * @throws IllegalArgumentException if a setting is missing or out of range.
     * @throws DataDirectoryException   if the data directory is in use by another node or unusable.
     */
    public static TimelineNode launch(final NodeConfig config)
    {
        return new TimelineNode(config.conclude());
    }

    /** Reads this member's replica: every write this node acknowledged, and what it applied since. */
    @Override
    public int home(final long user, final int limit, final long before, final TimelineBuffer into)
    {
        return read(true, user, limit, before, into);
    }

    @Override
    public int tweets(final long user, final int limit, final long before, final TimelineBuffer into)
    {
        return read(false, user, limit, before, into);
    }

    /** As {@link #home}, each text a view of this member's memory, valid until the node closes. */
    @Override
    public int homeView(final long user, final int limit, final long before, final TimelineView into)
    {
        return read(true, user, limit, before, into);
    }

    /** As {@link #homeView}, {@code user}'s own tweets. */
    @Override
    public int tweetsView(final long user, final int limit, final long before, final TimelineView into)
    {
        return read(false, user, limit, before, into);
    }

    private int read(final boolean home, final long user, final int limit, final long before, final TweetList into)
    {
        CommandChecks.checkRead(user, limit, before);
        checkOpen();
        if (home)
        {
            callerCounts.homeRead();
            return reader.home(user, limit, before, into);
        }
        callerCounts.tweetRead();
        return reader.tweets(user, limit, before, into);
    }

    /** Waits until this member has applied everything the cluster committed before the call. */
    public void sync()
    {
        commands.await(commands.submit(IngressLayout.SYNC, 0, 0, null));
    }

    /** A summary of this member's replica now; approximate while commands are being applied. */
    public EngineStats stats()
    {
        return state.stats();
    }

    /** This member's role now: leader, follower or candidate. */
    public Cluster.Role role()
    {
        return consensusCounters.role();
    }

    /** This member's id: its index among the members. */
    public int memberId()
    {
        return config.memberId();
    }

    /**
     * Why this member stopped applying the log, or null while it applies it: a {@link DiskFullException}
     * naming its data directory, a {@link dev.timeline.engine.MemoryLimitException} for direct memory.
     * Its writes then wait out their timeout; reads show what it applied.
     */
    public Throwable halted()
    {
        return halted.get();
    }

    /**
     * Asks the cluster for a snapshot, so that a restart replays little, waits a while for this
     * member's, then leaves the cluster and releases the data directory. A leader leaving is replaced
     * at once. Idempotent.
     */
    @Override
    public void close()
    {
        if (!commands.gate().close())
        {
            return;
        }
        snapshotBeforeClose();
        final boolean leader = role() == Cluster.Role.LEADER;
        CloseHelper.quietCloseAll(clientRunner, snapshotRunner, container, clusteredDriver.consensusModule());
        if (leader)
        {
            sleep(LEADER_LINGER_MS);
        }
        CloseHelper.quietClose(clusteredDriver);
        CloseHelper.quietCloseAll(errors, counters);
        state.free();
        release();
    }

    private void snapshotBeforeClose()
    {
        if (halted.get() == null)
        {
            try
            {
                takeSnapshot(Duration.ofMillis(SNAPSHOT_ON_CLOSE_WAIT_MS));
            }
            catch (final RuntimeException ex)
            {
                errors.onError(ex);
            }
        }
    }

    /**
     * Asks the cluster for a snapshot of every member, at one point of the log, and waits up to
     * {@code timeout} for this member's to be taken: every member pauses while it writes its own.
     *
     * @return whether this member's snapshot was taken in time.
     */
    public boolean takeSnapshot(final Duration timeout)
    {
        final long before = consensusCounters.snapshots(0);
        try (AeronCluster admin = AeronCluster.connect(clusterContext()))
        {
            if (!admin.sendAdminRequestToTakeASnapshot(admin.context().aeron().nextCorrelationId()))
            {
                return false;
            }
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (consensusCounters.snapshots(before) == before && System.nanoTime() - deadline < 0)
            {
                admin.pollEgress();
                sleep(1);
            }
            return consensusCounters.snapshots(before) != before;
        }
    }

    private AeronCluster.Context clusterContext()
    {
        return MemberContexts.client(config.members(), config.members().host(config.memberId()), config.secret(),
            config.aeronDirectory().toString());
    }

    /**
     * Called on the consensus module's thread when it stops by itself: the service stopped, or the
     * archive could not record the log. Stops the node's client, which reads the consensus module's
     * counters, before the consensus module unmaps them.
     */
    /**
     * Called on the consensus module's thread as it stops, before it unmaps its counters: stops
     * the snapshot schedule, which reads them, and fails the node's writes in flight and to come,
     * which this member will not apply.
     */
    private void onConsensusStopped()
    {
        if (!commands.gate().isClosed())
        {
            final DiskFullException full = disk.exhausted();
            halt(full != null ? full : new TimelineException("member " + config.memberId() + " stopped: its " +
                "consensus module ended; the error log in " + config.dataDirectory() + " says why"));
        }
        snapshotRunner.close();
        final Throwable why = halted.get();
        client.stop(why == null ? "the node is closed" : "this member stopped applying the log: " + why.getMessage());
    }

    private void halt(final Throwable why)
    {
        if (halted.compareAndSet(null, why))
        {
            errors.onError(why);
        }
    }

    private void checkOpen()
    {
        if (commands.gate().isClosed())
        {
            throw new EngineClosedException("the node is closed");
        }
    }

    private void release()
    {
        try
        {
            lock.release();
        }
        catch (final IOException ignored)
        {
            // closing the channel releases it too
        }
        CloseHelper.quietClose(lockChannel);
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
