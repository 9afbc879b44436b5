package dev.timeline.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Home timelines as every way into the engine offers them: embedded ({@link TimelineEngine}), or
 * replicated, from a member of a cluster or a client of one. The contract is the same: writes return
 * once durable; a read reflects every write acknowledged before it began and never a half-applied
 * one; invalid arguments give {@link IllegalArgumentException} and change nothing. Thread-safe.
 */
public interface Timelines extends AutoCloseable
{
    /** {@code follower} follows {@code followee}; idempotent; returns once durable. */
    void follow(long follower, long followee);

    /** {@code follower} stops following {@code followee}; idempotent; returns once durable. */
    void unfollow(long follower, long followee);

    /**
     * Posts a tweet.
     *
     * @param text 1 to 280 Unicode code points, kept exactly.
     * @return the new tweet's id, once durable.
     */
    long post(long author, CharSequence text);

    /** Deletes a tweet; returns once durable. @throws TweetNotFoundException if no live tweet has the id. */
    void delete(long tweetId);

    /** As {@link #follow}, completing the future once durable. */
    CompletableFuture<Void> followAsync(long follower, long followee);

    /** As {@link #unfollow}, completing the future once durable. */
    CompletableFuture<Void> unfollowAsync(long follower, long followee);

    /** As {@link #post}, completing the future with the tweet id once durable. */
    CompletableFuture<Long> postAsync(long author, CharSequence text);

    /** As {@link #delete}, completing the future once durable. */
    CompletableFuture<Void> deleteAsync(long tweetId);

    /**
     * Fills {@code into} with the newest {@code limit} (1..200) tweets of {@code user}'s home timeline
     * with an id below {@code before} ({@link Long#MAX_VALUE} for none), newest first.
     *
     * @return the number of tweets in {@code into}.
     */
    int home(long user, int limit, long before, TimelineBuffer into);

    /** As {@link #home(long, int, long, TimelineBuffer)}, {@code user}'s own tweets. */
    int tweets(long user, int limit, long before, TimelineBuffer into);

    /**
     * As {@link #home(long, int, long, TimelineBuffer)}, copying only ids and authors: each text is a
     * view of where it is kept, valid as {@link TimelineView} says. This default reads into copies the
     * view holds, valid until it is filled again; an embedded engine hands out its own memory, valid
     * until it closes.
     *
     * @return the number of tweets in {@code into}.
     */
    default int homeView(final long user, final int limit, final long before, final TimelineView into)
    {
        home(user, limit, before, into.copies());
        return into.viewCopies();
    }

    /** As {@link #homeView}, {@code user}'s own tweets. */
    default int tweetsView(final long user, final int limit, final long before, final TimelineView into)
    {
        tweets(user, limit, before, into.copies());
        return into.viewCopies();
    }

    /** The newest {@code limit} (1..200) tweets of {@code user}'s home timeline, newest first. */
    default List<Tweet> home(final long user, final int limit)
    {
        return home(user, limit, Long.MAX_VALUE);
    }

    /** As {@link #home(long, int)}, only tweets with an id below {@code before}: the next page. */
    default List<Tweet> home(final long user, final int limit, final long before)
    {
        final TimelineBuffer buffer = new TimelineBuffer();
        home(user, limit, before, buffer);
        return buffer.toList();
    }

    /** The newest {@code limit} (1..200) of {@code user}'s own tweets, newest first. */
    default List<Tweet> tweets(final long user, final int limit)
    {
        return tweets(user, limit, Long.MAX_VALUE);
    }

    /** As {@link #tweets(long, int)}, only tweets with an id below {@code before}. */
    default List<Tweet> tweets(final long user, final int limit, final long before)
    {
        final TimelineBuffer buffer = new TimelineBuffer();
        tweets(user, limit, before, buffer);
        return buffer.toList();
    }

    /** Releases what it holds; idempotent. */
    @Override
    void close();
}
