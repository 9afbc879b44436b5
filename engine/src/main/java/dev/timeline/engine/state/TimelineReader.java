package dev.timeline.engine.state;

import dev.timeline.engine.Strategy;

/**
 * Answers home and user-timeline reads from any thread, without locks, while the writer changes
 * the state.
 * <p>
 * A home read merges, newest first: the user's materialized timeline above its horizon (skipping
 * authors merged at read time), the tweet chains of the authors merged at read time, and, once the
 * timeline runs out above its horizon, the chains of every other followed author below it. The
 * whole merge runs inside the user's seqlock and is retried if the writer changed that user
 * meanwhile, so it never returns a torn state. Only tweets at or below the published watermark are
 * returned: everything acknowledged before the read began, nothing half-applied.
 * <p>
 * A partition's reader reads its own users; the chains and tweet records of authors in other
 * partitions it reads from theirs.
 */
public final class TimelineReader
{
    private final PartitionState state;
    private final Users users;
    private final TweetStore tweets;
    private final HomeTimelines timelines;
    private final Strategy strategy;
    private final Watermark watermark;

    /** A reader of {@code state}'s users that sees the tweets at or below {@code watermark}. */
    public TimelineReader(final PartitionState state, final Watermark watermark)
    {
        this.state = state;
        users = state.users;
        tweets = state.tweets;
        timelines = state.timelines;
        strategy = state.strategy;
        this.watermark = watermark;
    }

    /**
     * Fills {@code into} with the newest {@code limit} tweets of {@code userId}'s home timeline with
     * an id below {@code before}; returns how many. The arguments are checked by the caller.
     */
    public int home(final long userId, final int limit, final long before, final TweetList into)
    {
        into.clear();
        final long bound = Math.min(before, watermark.visibleIdAcquire() + 1);
        final int user = users.find(userId);
        if (user < 0)
        {
            return 0;
        }
        final ReadScratch scratch = into.scratch();
        while (true)
        {
            final UserTable table = users.table();
            final long version = table.readVersion(user);
            if ((version & 1) == 0 &&
                mergeHome(table, user, limit, bound, into, scratch) &&
                users.table() == table &&
                table.isUnchanged(user, version))
            {
                return into.size();
            }
            into.clear();
            Thread.onSpinWait();
        }
    }

    /** As {@link #home}, {@code userId}'s own tweets. */
    public int tweets(final long userId, final int limit, final long before, final TweetList into)
    {
        into.clear();
        final long bound = Math.min(before, watermark.visibleIdAcquire() + 1);
        final int user = users.find(userId);
        if (user < 0)
        {
            return 0;
        }
        final UserTable table = users.table();
        for (int tweet = firstBelow(tweets, table.head(user), bound);
            tweet != TweetLayout.NONE && into.size() < limit;
            tweet = tweets.previous(tweet))
        {
            emit(table, tweets, tweet, tweets.id(tweet), user, into);
        }
        return into.size();
    }

    /** One optimistic attempt; false if it met values torn by a concurrent write. */
    private boolean mergeHome(
        final UserTable table, final int user, final int limit, final long bound, final TweetList into,
        final ReadScratch scratch)
    {
        scratch.clear();
        final int[] followees = table.followees(user);
        final int localTweets = tweets.countAcquire();
        if (strategy == Strategy.PULL)
        {
            addChain(scratch, table, user, bound);
            for (final int followee : followees)
            {
                addChain(scratch, table, followee, bound);
            }
            return mergeChains(table, limit, into, scratch);
        }

        final int[] pulled = table.pulled(user);
        for (final int author : pulled)
        {
            addChain(scratch, table, author, bound);
        }
        final long block = table.block(user);
        final long horizon = table.horizon(user);
        if (block < 0)
        {
            if (horizon > 0)
            {
                addBelowHorizon(scratch, table, user, followees, pulled, Math.min(bound, horizon + 1));
            }
            return mergeChains(table, limit, into, scratch);
        }
        final RingView ring = scratch.ring;
        if (!ring.wrap(timelines, block, table.ring(user)))
        {
            return false;
        }
        final int newest = ring.skipAuthors(ring.lastBelow(bound), pulled);
        if (newest >= 0)
        {
            scratch.add(ring.id(newest), newest, ReadScratch.RING);
        }
        else if (horizon > 0)
        {
            addBelowHorizon(scratch, table, user, followees, pulled, Math.min(bound, horizon + 1));
        }

        while (into.size() < limit && !scratch.isEmpty())
        {
            final int cursor = scratch.top();
            if (scratch.authors[cursor] != ReadScratch.RING)
            {
                advanceChain(table, into, scratch, cursor);
                continue;
            }
            final int position = scratch.positions[cursor];
            final int tweet = ring.tweet(position);
            final int author = ring.author(position);
            final long id = scratch.ids[cursor];
            final TweetStore store = state.links.tweetsOf(id);
            if (tweet < 0 || tweet >= (store == tweets ? localTweets : store.countAcquire()) ||
                author < 0 || author >= table.capacity())
            {
                return false;
            }
            final int next = ring.skipAuthors(position - 1, pulled);
            if (next >= 0)
            {
                scratch.ids[cursor] = ring.id(next);
                scratch.positions[cursor] = next;
                scratch.topMoved();
            }
            else
            {
                scratch.removeTop();
                if (horizon > 0)
                {
                    addBelowHorizon(scratch, table, user, followees, pulled, Math.min(bound, horizon + 1));
                }
            }
            emit(table, store, tweet, id, author, into);
        }
        return true;
    }

    private boolean mergeChains(
        final UserTable table, final int limit, final TweetList into, final ReadScratch scratch)
    {
        while (into.size() < limit && !scratch.isEmpty())
        {
            advanceChain(table, into, scratch, scratch.top());
        }
        return true;
    }

    /** Emits the tweet the chain cursor points at and moves it to the author's previous tweet. */
    private void advanceChain(
        final UserTable table, final TweetList into, final ReadScratch scratch, final int cursor)
    {
        final int tweet = scratch.positions[cursor];
        final long id = scratch.ids[cursor];
        final TweetStore chain = state.links.tweetsOf(id);
        final int previous = chain.previous(tweet);
        if (previous == TweetLayout.NONE)
        {
            scratch.removeTop();
        }
        else
        {
            scratch.ids[cursor] = chain.id(previous);
            scratch.positions[cursor] = previous;
            scratch.topMoved();
        }
        emit(table, chain, tweet, id, scratch.authors[cursor], into);
    }

    /** Once the timeline is used up: every followed author not merged already, below the horizon. */
    private void addBelowHorizon(
        final ReadScratch scratch, final UserTable table, final int user, final int[] followees, final int[] pulled,
        final long bound)
    {
        if (!SortedInts.contains(pulled, user))
        {
            addChain(scratch, table, user, bound);
        }
        for (final int followee : followees)
        {
            if (!SortedInts.contains(pulled, followee))
            {
                addChain(scratch, table, followee, bound);
            }
        }
    }

    private void addChain(final ReadScratch scratch, final UserTable table, final int author, final long bound)
    {
        final TweetStore chain = state.links.tweetsBy(table, author);
        final int tweet = firstBelow(chain, state.links.chainHead(table, author), bound);
        if (tweet != TweetLayout.NONE)
        {
            scratch.add(chain.id(tweet), tweet, author);
        }
    }

    /** The first tweet of the chain starting at {@code head} whose id is below {@code bound}. */
    private static int firstBelow(final TweetStore chain, final int head, final long bound)
    {
        int tweet = head;
        while (tweet != TweetLayout.NONE && chain.id(tweet) >= bound)
        {
            tweet = chain.previous(tweet);
        }
        return tweet;
    }

    private static void emit(
        final UserTable table, final TweetStore store, final int tweet, final long id, final int author,
        final TweetList into)
    {
        if (!store.isDeleted(tweet))
        {
            into.add(id, table.userIds[author], store, tweet);
        }
    }
}
