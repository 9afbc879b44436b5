package dev.timeline.engine;

import dev.timeline.engine.state.CommandChecks;
import dev.timeline.engine.state.CommandGate;
import dev.timeline.engine.state.Partitioner;
import dev.timeline.engine.state.TimelineReader;
import dev.timeline.engine.state.TimelineStateMachine;
import dev.timeline.engine.state.TweetList;
import dev.timeline.engine.state.TweetText;
import dev.timeline.engine.state.Watermark;
import dev.timeline.engine.status.CallerCounts;
import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.EngineCounters;
import dev.timeline.engine.status.ErrorLog;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;

import java.io.IOException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import static dev.timeline.engine.CommandLayout.FOLLOW;
import static dev.timeline.engine.CommandLayout.UNFOLLOW;
import static dev.timeline.engine.state.CommandChecks.checkPair;
import static dev.timeline.engine.state.CommandChecks.checkTweetId;
import static dev.timeline.engine.state.CommandChecks.checkUser;

/**
 * The home-timeline engine, embedded in the caller's process.
 * <p>
 * Writes ({@code follow}, {@code unfollow}, {@code post}, {@code delete}) may be called from any
 * thread. They go through a bounded inbox to a single writer thread, which journals and applies
 * them; the blocking forms return once the write is in the journal (durable against a crash of the
 * process, or against power loss with {@link SyncMode#BATCH}), the async forms return a future
 * completed then on the writer thread (chain with the {@code *Async} stages to leave it). A full
 * inbox gives {@link RejectedException}; invalid arguments give {@link IllegalArgumentException} at
 * once, from the async forms too, and change nothing.
 * <p>
 * Reads ({@code home}, {@code tweets}) may be called from any thread, never block the writer and
 * never see a half-applied write; they reflect every write acknowledged before they began. The
 * forms that take a {@link TimelineBuffer}, which copies the texts, or a {@link TimelineView}, which
 * views them in the engine's memory until it closes, allocate nothing.
 * <p>
 * Opening a data directory recovers its state from the journal; it is locked while open.
 * <p>
 * With more than one partition ({@link EngineConfig#partitions}) each user's writes go to the
 * partition the user hashes to, and a delete to the partition of the tweet's author; reads and
 * answers are the same as with one partition. A post is acknowledged once every partition has
 * delivered it.
 */
public final class TimelineEngine implements Timelines
{
    /** What each partition's writer thread is named, followed by the partition's number: for profilers and probes. */
    public static final String WRITER_THREAD_PREFIX = "timeline-writer-";
    private static final long NO_BOUND = Long.MAX_VALUE;

    private final EngineConfig config;
    private final DataDirectory directory;
    private final Partitioner partitioner;
    private final Partition[] partitions;
    private final RecoveryReport recovery;
    private final ErrorLog errorLog;
    private final CallerCounts callerCounts = new CallerCounts();
    private final EngineCounters counters;
    private final DeliveryInboxes deliveries;
    private final IdClock idClock;
    private final SendProgress sendProgress;
    private final SnapshotRounds snapshotRounds;
    private final CommandGate gate;
    private final CommandProxy commands;
    private final WriterWakeups wakeups;
    private final LongAdder reading = new LongAdder();

    private TimelineEngine(final EngineConfig config)
    {
        this.config = config;
        directory = config.readOnly() ?
            DataDirectory.openReadOnly(config.dataDirectory(), config.partitions()) :
            DataDirectory.openWritable(config.dataDirectory(), config.partitions());
        final int partitionCount = directory.partitions();
        partitioner = new Partitioner(partitionCount);
        counters = config.readOnly() ? null : new EngineCounters(directory.root());
        errorLog = openErrorLog(config, directory, counters);
        gate = new CommandGate(config.maxInFlight(), config.inboxBytes());
        wakeups = new WriterWakeups(partitionCount);
        commands = new CommandProxy(config, gate, wakeups);
        final Snapshots[] snapshots = new Snapshots[partitionCount];
        for (int partition = 0; partition < partitionCount; partition++)
        {
            snapshots[partition] = new Snapshots(directory.snapshots(partition), errorLog);
        }
        final EngineRecovery.Recovered recovered;
        try
        {
            recovered = new EngineRecovery(config, directory, snapshots, partitioner).run();
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(errorLog, counters, directory);
            throw ex;
        }
        recovery = recovered.report();
        snapshotRounds = new SnapshotRounds(partitionCount, recovered.latestEpoch());
        final Watermark watermark = new Watermark();
        watermark.advanceTo(recovered.lastTweetId());
        partitions = new Partition[partitionCount];
        try
        {
            for (int partition = 0; partition < partitionCount; partition++)
            {
                final TimelineStateMachine machine = recovered.machines()[partition];
                partitions[partition] = new Partition(
                    machine, new TimelineReader(machine.state(), watermark), recovered.journals()[partition],
                    config);
            }
            deliveries = config.readOnly() ? null : new DeliveryInboxes(partitionCount, config.inboxBytes());
        }
        catch (final RuntimeException ex)
        {
            for (final TimelineStateMachine machine : recovered.machines())
            {
                machine.state().free();
            }
            CloseHelper.quietCloseAll(recovered.journals());
            CloseHelper.quietCloseAll(errorLog, counters, directory);
            throw ex;
        }
        idClock = new IdClock(partitioner);
        idClock.advanceTo(recovered.lastTweetId());
        sendProgress = new SendProgress(idClock, partitionCount);
        if (config.readOnly())
        {
            return;
        }
        final WriterContext context = new WriterContext()
            .partitioner(partitioner)
            .deliveries(deliveries)
            .watermark(watermark)
            .idClock(idClock)
            .sendProgress(sendProgress)
            .snapshotRounds(snapshotRounds)
            .epochClock(config.epochClock())
            .errorLog(errorLog)
            .counters(counters)
            .callerCounts(callerCounts)
            .gate(gate)
            .wakeups(wakeups)
            .maxInFlight(config.maxInFlight())
            .syncEachBatch(config.syncMode() == SyncMode.BATCH)
            .snapshotInterval(config.snapshotInterval())
            .conclude();
        final IdleStrategy[] idleStrategies = new IdleStrategy[partitionCount];
        for (int partition = 0; partition < partitionCount; partition++)
        {
            idleStrategies[partition] = config.idleStrategy().get();
            wakeups.register(partition, idleStrategies[partition]);
        }
        for (final Partition partition : partitions)
        {
            final PartitionWriter writer = new PartitionWriter(
                context, partition, snapshots[partition.index], recovered.replays()[partition.index]);
            partition.start(writer, idleStrategies[partition.index], errorLog);
        }
    }

    /**
     * Opens the engine on {@code config}'s data directory, creating it or recovering its state from
     * the journal.
     *
     * @throws IllegalArgumentException if a setting is out of range.
     * @throws DataDirectoryException   if the directory is in use, incompatible or damaged.
     * @throws MemoryLimitException     if its state needs more off-heap memory than the limits leave.
     */
    public static TimelineEngine open(final EngineConfig config)
    {
        return new TimelineEngine(config.conclude());
    }

    /** {@code follower} follows {@code followee}; idempotent; returns once durable. */
    @Override
    public void follow(final long follower, final long followee)
    {
        checkPair(follower, followee, "follow");
        final Partition partition = ofUser(follower);
        commands.await(partition, commands.pair(partition, FOLLOW, follower, followee, null));
    }

    /** {@code follower} stops following {@code followee}; idempotent; returns once durable. */
    @Override
    public void unfollow(final long follower, final long followee)
    {
        checkPair(follower, followee, "unfollow");
        final Partition partition = ofUser(follower);
        commands.await(partition, commands.pair(partition, UNFOLLOW, follower, followee, null));
    }

    /**
     * Posts a tweet.
     *
     * @param text 1 to 280 Unicode code points, kept exactly.
     * @return the new tweet's id, once durable.
     */
    @Override
    public long post(final long author, final CharSequence text)
    {
        checkUser(author, "author");
        final Partition partition = ofUser(author);
        return commands.await(partition, commands.post(partition, author, text, TweetText.utf8Length(text), null));
    }

    /** Deletes a tweet; returns once durable. @throws TweetNotFoundException if no live tweet has the id. */
    @Override
    public void delete(final long tweetId)
    {
        checkTweetId(tweetId);
        final Partition partition = ofTweet(tweetId);
        commands.await(partition, commands.delete(partition, tweetId, null));
    }

    /** As {@link #follow}, completing the future once durable. */
    @Override
    public CompletableFuture<Void> followAsync(final long follower, final long followee)
    {
        checkPair(follower, followee, "follow");
        final CompletableFuture<Void> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.pair(ofUser(follower), FOLLOW, follower, followee, future));
        return future;
    }

    /** As {@link #unfollow}, completing the future once durable. */
    @Override
    public CompletableFuture<Void> unfollowAsync(final long follower, final long followee)
    {
        checkPair(follower, followee, "unfollow");
        final CompletableFuture<Void> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.pair(ofUser(follower), UNFOLLOW, follower, followee, future));
        return future;
    }

    /** As {@link #post}, completing the future with the tweet id once durable. */
    @Override
    public CompletableFuture<Long> postAsync(final long author, final CharSequence text)
    {
        checkUser(author, "author");
        final int length = TweetText.utf8Length(text);
        final CompletableFuture<Long> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.post(ofUser(author), author, text, length, future));
        return future;
    }

    /** As {@link #delete}, completing the future once durable. */
    @Override
    public CompletableFuture<Void> deleteAsync(final long tweetId)
    {
        checkTweetId(tweetId);
        final CompletableFuture<Void> future = new CompletableFuture<>();
        CommandGate.submitAsync(future, () -> commands.delete(ofTweet(tweetId), tweetId, future));
        return future;
    }

    /**
     * Allocation-free {@link #home(long, int, long)}: fills {@code into}.
     *
     * @param before exclusive upper bound on ids, {@link Long#MAX_VALUE} for none.
     * @return the number of tweets in {@code into}.
     */
    @Override
    public int home(final long user, final int limit, final long before, final TimelineBuffer into)
    {
        return read(true, user, limit, before, into);
    }

    /** Allocation-free {@link #tweets(long, int, long)}: fills {@code into} and returns how many. */
    @Override
    public int tweets(final long user, final int limit, final long before, final TimelineBuffer into)
    {
        return read(false, user, limit, before, into);
    }

    /**
     * Allocation-free {@link #home(long, int, long)} that copies only ids and authors: each text is a
     * view of the engine's memory, valid until the engine closes (see {@link TimelineView}).
     *
     * @param before exclusive upper bound on ids, {@link Long#MAX_VALUE} for none.
     * @return the number of tweets in {@code into}.
     */
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

    /** What opening this engine replayed. */
    public RecoveryReport recovery()
    {
        return recovery;
    }

    /** A summary of the state now, over every partition; approximate while writes are being applied. */
    public EngineStats stats()
    {
        EngineStats sum = partitions[0].state.stats();
        for (int partition = 1; partition < partitions.length; partition++)
        {
            sum = sum.plus(partitions[partition].state.stats());
        }
        return sum;
    }

    /** The configuration this engine was opened with. */
    public EngineConfig config()
    {
        return config;
    }

    /** The partitions this engine runs: as configured, or as the data directory was created with. */
    public int partitions()
    {
        return partitions.length;
    }

    /**
     * Stops accepting writes, applies and acknowledges every write already accepted, writes a
     * snapshot, closes the journal and releases the data directory, then waits for reads in progress
     * and frees the engine's off-heap memory. Idempotent.
     */
    @Override
    public void close()
    {
        if (!gate.close())
        {
            return;
        }
        if (counters != null)
        {
            awaitQuiet();
            snapshotRounds.stop();
            for (final Partition partition : partitions)
            {
                wakeups.stop(partition.index);
                partition.stopWriter();
            }
            for (final Partition partition : partitions)
            {
                partition.writer().finish();
            }
            final long epoch = snapshotRounds.closingEpoch();
            for (final Partition partition : partitions)
            {
                partition.writer().snapshot(epoch);
            }
        }
        for (final Partition partition : partitions)
        {
            CloseHelper.quietClose(partition.journal);
        }
        CloseHelper.quietCloseAll(errorLog, counters, directory);
        while (reading.sum() != 0)
        {
            Thread.yield();
        }
        for (final Partition partition : partitions)
        {
            partition.state.free();
        }
    }

    /** The directory's error log, counted in its counters file; one in memory for a read-only engine. */
    private static ErrorLog openErrorLog(
        final EngineConfig config, final DataDirectory directory, final EngineCounters counters)
    {
        if (counters == null)
        {
            return ErrorLog.inMemory(config.epochClock());
        }
        try
        {
            return ErrorLog.create(directory.root(), config.epochClock(), counters.counter(Counter.ERRORS));
        }
        catch (final IOException | RuntimeException ex)
        {
            CloseHelper.quietCloseAll(counters, directory);
            throw new DataDirectoryException(
                "cannot create the error log in " + directory.root() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Waits until every accepted command is applied and every post handed on, so that no writer is
     * waiting on another's delivery inbox when the writers stop.
     */
    private void awaitQuiet()
    {
        boolean quiet = false;
        while (!quiet)
        {
            quiet = deliveries.isEmpty() && sendProgress.sentThrough() == idClock.current();
            for (final Partition partition : partitions)
            {
                quiet &= partition.inbox.size() == 0;
            }
            if (!quiet)
            {
                Thread.yield();
            }
        }
    }

    private Partition ofUser(final long userId)
    {
        return partitions[partitioner.ofUser(userId)];
    }

    private Partition ofTweet(final long tweetId)
    {
        return partitions[partitioner.ofTweet(tweetId)];
    }

    /** A read counted for {@link #close}, which frees the memory it reads only once no read is counted. */
    private int read(final boolean home, final long user, final int limit, final long before, final TweetList into)
    {
        CommandChecks.checkRead(user, limit, before);
        reading.increment();
        try
        {
            checkOpen();
            final TimelineReader reader = ofUser(user).reader;
            if (home)
            {
                callerCounts.homeRead();
                return reader.home(user, limit, before, into);
            }
            callerCounts.tweetRead();
            return reader.tweets(user, limit, before, into);
        }
        finally
        {
            reading.decrement();
        }
    }

    /** Inside a read, after counting it: a close that began first makes it fail rather than touch freed memory. */
    private void checkOpen()
    {
        if (gate.isClosed())
        {
            throw new EngineClosedException("the engine is closed");
        }
    }
}
