package dev.timeline.engine;

import dev.timeline.engine.state.TweetPage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A caller-owned result of a timeline read, reused across reads so that reading allocates nothing.
 * Filled by {@link TimelineEngine#home(long, int, long, TimelineBuffer)} and
 * {@link TimelineEngine#tweets(long, int, long, TimelineBuffer)}; tweet {@code 0} is the newest.
 * <p>
 * Not thread-safe: one buffer per reading thread.
 */
public final class TimelineBuffer extends TweetPage
{
    /** Tweet {@code index} as a new record. */
    public Tweet tweet(final int index)
    {
        final long id = id(index);
        return new Tweet(id, author(index), text(index), Instant.ofEpochMilli(TweetIds.timeMillis(id)));
    }

    /** Every tweet held, newest first, as new records. */
    public List<Tweet> toList()
    {
        final List<Tweet> list = new ArrayList<>(size());
        for (int i = 0; i < size(); i++)
        {
            list.add(tweet(i));
        }
        return list;
    }

    @Override
    public String toString()
    {
        return "TimelineBuffer" + toList();
    }
}
