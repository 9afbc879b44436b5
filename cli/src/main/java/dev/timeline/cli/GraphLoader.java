package dev.timeline.cli;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.FollowConsumer;
import dev.timeline.workload.FollowGraph;
import dev.timeline.workload.UserIds;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Loads a follow graph into an engine quickly: follows are submitted asynchronously, with at most
 * half the engine's default in-flight writes unacknowledged, so the writer batches them and none is
 * turned away. Counts each user's followers on the way.
 */
final class GraphLoader implements FollowConsumer
{
    private static final int WINDOW = EngineConfig.DEFAULT_MAX_IN_FLIGHT / 2;
    private static final long PROGRESS_EVERY_MASK = (1 << 14) - 1;

    private final TimelineEngine engine;
    private final UserIds userIds;
    private final int[] followers;
    private final ProgressLine progress;
    private final CompletableFuture<?>[] pending = new CompletableFuture<?>[WINDOW];
    private long submitted;
    private long acknowledged;
    private long startNanos;

    GraphLoader(final TimelineEngine engine, final UserIds userIds, final ProgressLine progress)
    {
        this.engine = engine;
        this.userIds = userIds;
        this.followers = new int[userIds.count()];
        this.progress = progress;
    }

    /**
     * Follows every edge of {@code graph} and waits until all are durable.
     *
     * @return the number of follows.
     */
    long load(final FollowGraph graph)
    {
        startNanos = System.nanoTime();
        graph.forEachFollow(this);
        while (acknowledged < submitted)
        {
            awaitOldest();
        }
        progress.clear();
        return submitted;
    }

    /** How many followers user {@code index} has in the loaded graph. */
    int followers(final int index)
    {
        return followers[index];
    }

    @Override
    public void onFollow(final long follower, final long followee)
    {
        followers[userIds.indexOf(followee)]++;
        if (submitted - acknowledged == WINDOW)
        {
            awaitOldest();
        }
        pending[(int)(submitted % WINDOW)] = engine.followAsync(follower, followee);
        submitted++;
        if ((submitted & PROGRESS_EVERY_MASK) == 0 && progress.due())
        {
            progress.show("building the social graph: " + Format.count(submitted) + " follows (" +
                Format.rate(submitted, System.nanoTime() - startNanos) + "/s)");
        }
    }

    private void awaitOldest()
    {
        final int slot = (int)(acknowledged % WINDOW);
        try
        {
            pending[slot].join();
        }
        catch (final CompletionException ex)
        {
            throw ex.getCause() instanceof RuntimeException ? (RuntimeException)ex.getCause() : ex;
        }
        pending[slot] = null;
        acknowledged++;
    }
}
