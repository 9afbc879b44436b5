package dev.timeline.engine;

import org.agrona.concurrent.UnsafeBuffer;

import static dev.timeline.engine.TimelineLayout.ENTRY_AUTHOR_OFFSET;
import static dev.timeline.engine.TimelineLayout.ENTRY_ID_OFFSET;
import static dev.timeline.engine.TimelineLayout.ENTRY_TWEET_OFFSET;
import static dev.timeline.engine.TimelineLayout.entryOffset;

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
 */
final class TimelineReader
{
    private final Users users;
    private final TweetStore tweets;
    private final HomeTimelines timelines;
    private final Strategy strategy;
    private final Watermark watermark;
    private final CallerCounts counts;

    TimelineReader(final EngineState state, final Watermark watermark, final CallerCounts counts)
    {
        this.counts = counts;
        users = state.users;
        tweets = state.tweets;
        timelines = state.timelines;
        strategy = state.strategy();
        this.watermark = watermark;
    }

    int home(final long userId, final int limit, final long before, final TimelineBuffer into)
    {
        counts.homeReads.increment();
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

    int tweets(final long userId, final int limit, final long before, final TimelineBuffer into)
    {
        counts.tweetReads.increment();
        into.clear();
        final long bound = Math.min(before, watermark.visibleIdAcquire() + 1);
        final int user = users.find(userId);
        if (user < 0)
        {
            return 0;
        }
        final UserTable table = users.table();
        for (int tweet = firstBelow(table.head(user), bound);
            tweet != TweetLayout.NONE && into.size() < limit;
            tweet = tweets.previous(tweet))
        {
            emit(table, tweet, tweets.id(tweet), user, into);
        }
        return into.size();
    }

    /** One optimistic attempt; false if it met values torn by a concurrent write. */
    private boolean mergeHome(
        final UserTable table, final int user, final int limit, final long bound, final TimelineBuffer into,
        final ReadScratch scratch)
    {
        scratch.clear();
        final int[] followees = table.followees(user);
        final int tweetCount = tweets.countAcquire();
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
        final int block = table.block(user);
        if (block < 0)
        {
            return mergeChains(table, limit, into, scratch);
        }
        final UnsafeBuffer chunk = timelines.chunk(block);
        if (chunk == null)
        {
            return false;
        }
        final int at = timelines.blockOffset(block);
        final long horizon = table.horizon(user);
        final long ring = table.ring(user);
        final int start = TimelineLayout.start(ring);
        final int count = TimelineLayout.count(ring);
        if (start < 0 || start >= timelines.capacity() || count < 0 || count > timelines.capacity())
        {
            return false;
        }
        final int newest = skipPulled(chunk, at, start, lastBelow(chunk, at, start, count, bound), pulled);
        if (newest >= 0)
        {
            scratch.add(ringId(chunk, at, start, newest), newest, ReadScratch.RING);
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
            final int entry = entryOffset(at, timelines.ringIndex(start, position));
            final int tweet = chunk.getInt(entry + ENTRY_TWEET_OFFSET);
            final int author = chunk.getInt(entry + ENTRY_AUTHOR_OFFSET);
            if (tweet < 0 || tweet >= tweetCount || author < 0 || author >= table.capacity())
            {
                return false;
            }
            final long id = scratch.ids[cursor];
            final int next = skipPulled(chunk, at, start, position - 1, pulled);
            if (next >= 0)
            {
                scratch.ids[cursor] = ringId(chunk, at, start, next);
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
            emit(table, tweet, id, author, into);
        }
        return true;
    }

    private boolean mergeChains(
        final UserTable table, final int limit, final TimelineBuffer into, final ReadScratch scratch)
    {
        while (into.size() < limit && !scratch.isEmpty())
        {
            advanceChain(table, into, scratch, scratch.top());
        }
        return true;
    }

    /** Emits the tweet the chain cursor points at and moves it to the author's previous tweet. */
    private void advanceChain(
        final UserTable table, final TimelineBuffer into, final ReadScratch scratch, final int cursor)
    {
        final int tweet = scratch.positions[cursor];
        final long id = scratch.ids[cursor];
        final int previous = tweets.previous(tweet);
        if (previous == TweetLayout.NONE)
        {
            scratch.removeTop();
        }
        else
        {
            scratch.ids[cursor] = tweets.id(previous);
            scratch.positions[cursor] = previous;
            scratch.topMoved();
        }
        emit(table, tweet, id, scratch.authors[cursor], into);
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
        final int tweet = firstBelow(table.head(author), bound);
        if (tweet != TweetLayout.NONE)
        {
            scratch.add(tweets.id(tweet), tweet, author);
        }
    }

    /** The first tweet of the chain starting at {@code tweet} whose id is below {@code bound}. */
    private int firstBelow(final int head, final long bound)
    {
        int tweet = head;
        while (tweet != TweetLayout.NONE && tweets.id(tweet) >= bound)
        {
            tweet = tweets.previous(tweet);
        }
        return tweet;
    }

    private void emit(final UserTable table, final int tweet, final long id, final int author, final TimelineBuffer into)
    {
        if (!tweets.isDeleted(tweet))
        {
            final int index = into.add(id, table.userIds[author], tweets.textLength(tweet));
            tweets.copyText(tweet, into.mutableText(), into.textOffset(index));
        }
    }

    /** The newest position holding an id below {@code bound}, or -1; the newest itself is tried first. */
    private int lastBelow(final UnsafeBuffer chunk, final int at, final int start, final int count, final long bound)
    {
        if (count > 0 && ringId(chunk, at, start, count - 1) < bound)
        {
            return count - 1;
        }
        int low = 0;
        int high = count - 2;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (ringId(chunk, at, start, mid) < bound)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return high;
    }

    /** From {@code position} down, the first position whose author is not merged at read time, or -1. */
    private int skipPulled(
        final UnsafeBuffer chunk, final int at, final int start, final int position, final int[] pulled)
    {
        int newest = position;
        while (newest >= 0 && pulled.length > 0 && SortedInts.contains(pulled, ringAuthor(chunk, at, start, newest)))
        {
            newest--;
        }
        return newest;
    }

    private int ringAuthor(final UnsafeBuffer chunk, final int at, final int start, final int position)
    {
        return chunk.getInt(entryOffset(at, timelines.ringIndex(start, position)) + ENTRY_AUTHOR_OFFSET);
    }

    private long ringId(final UnsafeBuffer chunk, final int at, final int start, final int position)
    {
        return chunk.getLong(entryOffset(at, timelines.ringIndex(start, position)) + ENTRY_ID_OFFSET);
    }
}
