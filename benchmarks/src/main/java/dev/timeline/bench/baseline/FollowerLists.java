package dev.timeline.bench.baseline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Who follows whom, as a typical service keeps it: a concurrent map from each account to the
 * synchronized list of its followers. A follow appends without looking for a duplicate: the
 * workloads never repeat one, and a lookup would make loading a celebrity's followers quadratic.
 * <p>
 * Thread-safe.
 */
public final class FollowerLists
{
    private final ConcurrentHashMap<Long, List<Long>> followers = new ConcurrentHashMap<>();

    /** Records that {@code follower} follows {@code followee}. */
    public void follow(final long follower, final long followee)
    {
        followers.computeIfAbsent(followee, key -> Collections.synchronizedList(new ArrayList<>())).add(follower);
    }

    /**
     * Calls {@code consumer} with each follower of {@code followee}, holding the list's lock.
     *
     * @return how many followers there were.
     */
    public int forEachFollower(final long followee, final LongConsumer consumer)
    {
        final List<Long> list = followers.get(followee);
        if (null == list)
        {
            return 0;
        }
        synchronized (list)
        {
            for (final Long follower : list)
            {
                consumer.accept(follower);
            }
            return list.size();
        }
    }
}
