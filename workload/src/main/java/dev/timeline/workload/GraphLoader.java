package dev.timeline.workload;

import dev.timeline.engine.TimelineEngine;

/**
 * Loads the follow graph of a {@link Workload} into an engine as fast as the engine takes it: follows
 * are submitted asynchronously through an {@link AsyncWindow} of half the engine's
 * {@code maxInFlight}, so the writer commits them in batches and turns none away. Counts each user's
 * followers on the way. The demo and the benchmarks load their graphs with it, so both measure the
 * same state.
 * <p>
 * For one thread; a loader loads one graph.
 */
public final class GraphLoader
{
    private final TimelineEngine engine;
    private final UserIds userIds;
    private final LoadProgress progress;
    private final int[] followers;
    private final AsyncWindow window;
    private long submitted;
    private long startNanos;

    /**
     * @param engine   the engine to load, opened for writing.
     * @param userIds  the users of the graphs this loader loads.
     * @param progress told of progress, in follows; {@link LoadProgress#NONE} for nothing.
     */
    public GraphLoader(final TimelineEngine engine, final UserIds userIds, final LoadProgress progress)
    {
        this.engine = engine;
        this.userIds = userIds;
        this.progress = progress;
        this.followers = new int[userIds.count()];
        this.window = new AsyncWindow(Math.max(1, engine.config().maxInFlight() / 2));
    }

    /**
     * Loads {@code workload}'s follow graph into {@code engine} without reporting progress.
     *
     * @return the loader, which knows each user's followers.
     */
    public static GraphLoader load(final TimelineEngine engine, final Workload workload)
    {
        final GraphLoader loader = new GraphLoader(engine, workload.userIds(), LoadProgress.NONE);
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
        window.add(engine.followAsync(follower, followee));
        if (++submitted % LoadProgress.INTERVAL == 0)
        {
            progress.loaded(submitted, System.nanoTime() - startNanos);
        }
    }
}
