package dev.timeline.workload;

import dev.timeline.engine.TimelineEngine;
import dev.timeline.engine.Timelines;

/**
 * Loads the follow graph of a {@link Workload} into an engine or a cluster as fast as it takes it:
 * follows are submitted asynchronously through an {@link AsyncWindow}, so the writer commits them in
 * batches, or the cluster's log carries many at once, and none is turned away. Counts each user's
 * followers on the way. The demo and the benchmarks load their graphs with it, so both measure the
 * same state.
 * <p>
 * For one thread; a loader loads one graph.
 */
public final class GraphLoader
{
    private final Timelines timelines;
    private final UserIds userIds;
    private final LoadProgress progress;
    private final int[] followers;
    private final AsyncWindow window;
    private long submitted;
    private long startNanos;

    /**
     * @param timelines the engine or cluster to load, open for writing.
     * @param inFlight  follows kept in flight: fewer than it admits, such as half.
     * @param userIds   the users of the graphs this loader loads.
     * @param progress  told of progress, in follows; {@link LoadProgress#NONE} for nothing.
     */
    public GraphLoader(final Timelines timelines, final int inFlight, final UserIds userIds, final LoadProgress progress)
    {
        this.timelines = timelines;
        this.userIds = userIds;
        this.progress = progress;
        this.followers = new int[userIds.count()];
        this.window = new AsyncWindow(inFlight);
    }

    /**
     * Loads {@code workload}'s follow graph into {@code engine} without reporting progress.
     *
     * @return the loader, which knows each user's followers.
     */
    public static GraphLoader load(final TimelineEngine engine, final Workload workload)
    {
        final GraphLoader loader = new GraphLoader(
            engine, Math.max(1, engine.config().maxInFlight() / 2), workload.userIds(), LoadProgress.NONE);
        loader.load(workload.followGraph());
        return loader;
    }

    /**
     * Follows every edge of {@code graph} and waits until all are durable.
     *
     * @return the number of follows.
     * @throws RuntimeException the first failure of a follow, such as a closed engine.
     */
    public long load(final FollowGraph graph)
    {
        startNanos = System.nanoTime();
        graph.forEachFollow(this::follow);
        window.awaitAll();
        return submitted;
    }

    /** How many followers user {@code index} has in the graphs loaded. */
    public int followers(final int index)
    {
        return followers[index];
    }

    private void follow(final long follower, final long followee)
    {
        followers[userIds.indexOf(followee)]++;
        window.add(timelines.followAsync(follower, followee));
        if (++submitted % LoadProgress.INTERVAL == 0)
        {
            progress.loaded(submitted, System.nanoTime() - startNanos);
        }
    }
}
