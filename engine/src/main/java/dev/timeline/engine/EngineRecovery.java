package dev.timeline.engine;

import dev.timeline.engine.state.DirectMemory;
import dev.timeline.engine.state.OffHeapBudget;
import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.state.Partitioner;
import dev.timeline.engine.state.TimelineStateMachine;
import dev.timeline.journal.Journal;
import dev.timeline.journal.JournalException;
import org.agrona.CloseHelper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recovers every partition of an engine on the opening thread, in three steps: load the newest
 * snapshot epoch that every partition has (the partitions snapshot together, with nothing in flight
 * between them), replay each partition's journal after its snapshot, then deliver the tweets each
 * partition replayed to the others, so that every timeline is complete again however far apart the
 * partitions' journals ended. Ids, and so the order of every read, come from the journals alone.
 */
final class EngineRecovery
{
    /** What recovery produced; the caller owns the journals and states. */
    record Recovered(
        TimelineStateMachine[] machines, Journal[] journals, JournalReplay[] replays, RecoveryReport report,
        long latestEpoch)
    {
        long lastTweetId()
        {
            long last = 0;
            for (final TimelineStateMachine machine : machines)
            {
                last = Math.max(last, machine.state().lastTweetId());
            }
            return last;
        }
    }

    private final EngineConfig config;
    private final DataDirectory directory;
    private final Snapshots[] snapshots;
    private final Partitioner partitioner;
    private final OffHeapBudget budget;

    EngineRecovery(
        final EngineConfig config, final DataDirectory directory, final Snapshots[] snapshots,
        final Partitioner partitioner)
    {
        this.config = config;
        this.directory = directory;
        this.snapshots = snapshots;
        this.partitioner = partitioner;
        budget = new OffHeapBudget(config.offHeapLimit(), partitioner.count());
    }

    /**
     * @throws DataDirectoryException if a journal is damaged or inconsistent; nothing is left open then.
     * @throws MemoryLimitException   if the state does not fit in the off-heap memory the limits leave,
     *                                saying about how much it needs.
     */
    Recovered run()
    {
        final int partitions = partitioner.count();
        final long snapshotStart = System.nanoTime();
        final Snapshots.Loaded[] loaded = new Snapshots.Loaded[partitions];
        final PartitionState[] states = loadSnapshots(loaded);
        final TimelineStateMachine[] machines = new TimelineStateMachine[partitions];
        final long snapshotNanos = System.nanoTime() - snapshotStart;
        final Journal[] journals = new Journal[partitions];
        try
        {
            final long replayStart = System.nanoTime();
            final int[] snapshotTweets = new int[partitions];
            for (final PartitionState state : states)
            {
                state.connect(states);
                snapshotTweets[state.partition()] = state.tweetCount();
                machines[state.partition()] = new TimelineStateMachine(state);
            }
            for (final PartitionState state : states)
            {
                state.markDelivered();
            }
            final JournalReplay[] replays = new JournalReplay[partitions];
            long total = 0;
            for (int partition = 0; partition < partitions; partition++)
            {
                journals[partition] = config.readOnly() ?
                    Journal.openReadOnly(directory.journal(partition)) : Journal.open(directory.journal(partition));
                total += JournalReplay.eventsAfter(loaded[partition], journals[partition]);
            }
            final RecoveryReport[] reports = new RecoveryReport[partitions];
            long before = 0;
            for (int partition = 0; partition < partitions; partition++)
            {
                final long replayedBefore = before;
                final long allEvents = total;
                replays[partition] = new JournalReplay(
                    machines[partition], loaded[partition], snapshotNanos, journals[partition],
                    (replayed, ignored) -> config.recoveryListener().onProgress(replayedBefore + replayed, allEvents));
                try
                {
                    reports[partition] = replays[partition].run();
                }
                catch (final MemoryLimitException ex)
                {
                    final JournalReplay replay = replays[partition];
                    final long left = total - before - replay.replayed();
                    throw tooLittleMemory(left * replay.postBytes() / Math.max(1, replay.replayed()));
                }
                before += reports[partition].events();
            }
            deliverReplayed(machines, snapshotTweets);
            return new Recovered(
                machines, journals, replays, sum(reports, snapshotNanos, System.nanoTime() - replayStart),
                latestEpoch());
        }
        catch (final JournalException ex)
        {
            release(states, journals);
            throw new DataDirectoryException(ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            release(states, journals);
            throw ex;
        }
    }

    /** Loads the newest epoch every partition can load; fresh states if there is none. */
    private PartitionState[] loadSnapshots(final Snapshots.Loaded[] loaded)
    {
        if (!config.ignoreSnapshots())
        {
            for (final long epoch : commonEpochs())
            {
                final PartitionState[] states = freshStates();
                boolean complete = true;
                for (int partition = 0; partition < states.length && complete; partition++)
                {
                    loaded[partition] = snapshots[partition].load(epoch, states[partition]);
                    complete = loaded[partition] != null;
                }
                if (complete)
                {
                    return states;
                }
                release(states, new Journal[0]);
            }
        }
        Arrays.fill(loaded, null);
        return freshStates();
    }

    private static long snapshotEvents(final Snapshots.Loaded[] loaded)
    {
        long events = 0;
        for (final Snapshots.Loaded snapshot : loaded)
        {
            events += snapshot == null ? 0 : snapshot.journalEvents();
        }
        return events;
    }

    /**
     * What to tell of a directory that could not open for lack of memory, and needs about
     * {@code more} bytes beyond what is in use.
     */
    private MemoryLimitException tooLittleMemory(final long more)
    {
        final boolean engineLimit = budget.limit() < DirectMemory.limit();
        final long limit = engineLimit ? budget.limit() : DirectMemory.limit();
        final long needed = Math.max(limit + 1, (engineLimit ? budget.reserved() : DirectMemory.used()) + more);
        final long suggested = (needed * 3 / 2 >> 20) + 64;
        return new MemoryLimitException(engineLimit ?
            String.format("%s needs about %s of off-heap memory to open, the engine's limit is %s; " +
                "raise EngineConfig.offHeapLimit", directory.root(), size(needed), size(limit)) :
            String.format("%s needs about %s of direct memory to open, the limit is %s; raise it with " +
                "-XX:MaxDirectMemorySize=%dm (for the timeline command: TIMELINE_JAVA_OPTS=-XX:MaxDirectMemorySize=%dm)",
                directory.root(), size(needed), size(limit), suggested, suggested), !engineLimit);
    }

    private static String size(final long bytes)
    {
        return bytes >= 1L << 30 ? String.format("%.1f GiB", bytes / (double)(1L << 30)) :
            String.format("%.0f MiB", Math.ceil(bytes / (double)(1 << 20)));
    }

    /** Epochs of which every partition has a snapshot, newest first. */
    private List<Long> commonEpochs()
    {
        final List<Long> common = new ArrayList<>(snapshots[0].epochs());
        for (int partition = 1; partition < snapshots.length; partition++)
        {
            common.retainAll(snapshots[partition].epochs());
        }
        return common;
    }

    /** The largest epoch on disk in any partition: the next snapshots are numbered above it. */
    private long latestEpoch()
    {
        long latest = 0;
        for (final Snapshots partitionSnapshots : snapshots)
        {
            for (final long epoch : partitionSnapshots.epochs())
            {
                latest = Math.max(latest, epoch);
            }
        }
        return latest;
    }

    private PartitionState[] freshStates()
    {
        final PartitionState[] states = new PartitionState[partitioner.count()];
        for (int partition = 0; partition < states.length; partition++)
        {
            states[partition] = new PartitionState(
                partition, partitioner, config.strategy(), config.timelineCapacity(), config.celebrityThreshold(),
                budget);
        }
        return states;
    }

    /** Delivers every tweet each partition replayed, in id order, to every other partition. */
    private static void deliverReplayed(final TimelineStateMachine[] machines, final int[] snapshotTweets)
    {
        for (final TimelineStateMachine target : machines)
        {
            target.state().takeOwnership();
            for (final TimelineStateMachine source : machines)
            {
                if (source != target)
                {
                    target.deliverTweetsOf(source.state(), snapshotTweets[source.state().partition()]);
                }
            }
        }
    }

    private static RecoveryReport sum(final RecoveryReport[] reports, final long snapshotNanos, final long replayNanos)
    {
        long snapshotEvents = 0;
        long follows = 0;
        long unfollows = 0;
        long posts = 0;
        long deletes = 0;
        for (final RecoveryReport report : reports)
        {
            snapshotEvents += report.snapshotEvents();
            follows += report.follows();
            unfollows += report.unfollows();
            posts += report.posts();
            deletes += report.deletes();
        }
        return new RecoveryReport(snapshotEvents, snapshotNanos, follows, unfollows, posts, deletes, replayNanos);
    }

    private static void release(final PartitionState[] states, final Journal[] journals)
    {
        for (final Journal journal : journals)
        {
            CloseHelper.quietClose(journal);
        }
        for (final PartitionState state : states)
        {
            state.free();
        }
    }
}
