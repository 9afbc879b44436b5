package dev.timeline.cli;

import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.Timelines;

import java.util.concurrent.CompletableFuture;

/**
 * Timelines with no engine behind them, for {@code timeline load --dry-run}: every write is
 * acknowledged at once and every read finds nothing, so a load sent to it measures the load
 * generator alone. Allocates nothing; thread-safe.
 */
final class NoEngine implements Timelines
{
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final CompletableFuture<Long> POSTED = CompletableFuture.completedFuture(1L);

    @Override
    public void follow(final long follower, final long followee)
    {
    }

    @Override
    public void unfollow(final long follower, final long followee)
    {
    }

    @Override
    public long post(final long author, final CharSequence text)
    {
        return 1;
    }

    @Override
    public void delete(final long tweetId)
    {
    }

    @Override
    public CompletableFuture<Void> followAsync(final long follower, final long followee)
    {
        return DONE;
    }

    @Override
    public CompletableFuture<Void> unfollowAsync(final long follower, final long followee)
    {
        return DONE;
    }

    @Override
    public CompletableFuture<Long> postAsync(final long author, final CharSequence text)
    {
        return POSTED;
    }

    @Override
    public CompletableFuture<Void> deleteAsync(final long tweetId)
    {
        return DONE;
    }

    @Override
    public int home(final long user, final int limit, final long before, final TimelineBuffer into)
    {
        return 0;
    }

    @Override
    public int tweets(final long user, final int limit, final long before, final TimelineBuffer into)
    {
        return 0;
    }

    @Override
    public void close()
    {
    }
}
