package dev.timeline.bench.baseline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The naive baseline: home timelines as a typical Java service would write them, on the heap.
 * Concurrent maps of synchronized lists: follower lists, home timelines of tweet ids and the tweets
 * by id. A post is pushed into the author's and every follower's home timeline, each trimmed to
 * the capacity by dropping its oldest entry; a home read takes the newest entries of the list. No
 * journal, no pull of celebrities, no repair after an unfollow or a delete (this baseline has neither).
 * <p>
 * Thread-safe. Posts from several threads may reach a timeline in another order than their ids.
 */
public final class NaiveTimelines implements BaselineTimelines
{
    private final int capacity;
    private final FollowerLists followers = new FollowerLists();
    private final ConcurrentHashMap<Long, List<Long>> homes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, StoredTweet> tweets = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final LongAdder deliveries = new LongAdder();

    /**
     * @param capacity the most entries kept per home timeline, at least 1.
     */
    public NaiveTimelines(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public void follow(final long follower, final long followee)
    {
        followers.follow(follower, followee);
    }

    /**
     * Stores the tweet and pushes it into the home timelines of its author and of every follower.
     *
     * @return the tweet's id.
     */
    public long post(final long author, final String text)
    {
        final Long id = lastId.incrementAndGet();
        tweets.put(id, new StoredTweet(id, author, text));
        deliver(author, id);
        final int followerCount = followers.forEachFollower(author, follower -> deliver(follower, id));
        deliveries.add(1 + followerCount);
        return id;
    }

    @Override
    public List<StoredTweet> home(final long user, final int limit)
    {
        final List<Long> home = homes.get(user);
        if (null == home)
        {
            return List.of();
        }
        final List<StoredTweet> page = new ArrayList<>(limit);
        synchronized (home)
        {
            for (int i = home.size() - 1; i >= 0 && page.size() < limit; i--)
            {
                page.add(tweets.get(home.get(i)));
            }
        }
        return page;
    }

    @Override
    public long deliveries()
    {
        return deliveries.sum();
    }

    private void deliver(final long user, final Long id)
    {
        final List<Long> home = homes.computeIfAbsent(user, key -> Collections.synchronizedList(new ArrayList<>()));
        synchronized (home)
        {
            home.add(id);
            if (home.size() > capacity)
            {
                home.remove(0);
            }
        }
    }
}
