package dev.timeline.bench.baseline;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ZRangeParams;

import java.util.ArrayList;
import java.util.List;

/**
 * The Redis baseline: home timelines kept in Redis as Mastodon's {@code FeedManager} keeps them, one
 * sorted set per user scored by tweet id, through one Jedis connection.
 * <p>
 * A post {@code SET}s its body ({@code tweet:ID} = {@code AUTHOR:TEXT}), then for its author and
 * each follower {@code ZADD home:USER ID ID} and {@code ZREMRANGEBYRANK home:USER 0 -(capacity+1)},
 * which keeps the newest {@code capacity} entries. Posts are pipelined: {@link #post} queues the
 * commands, {@link #sync} waits for every answer. Who follows whom is kept in this process, as
 * Mastodon reads it from its database; looking it up costs Redis nothing. A home read is
 * {@code ZRANGE home:USER 0 limit-1 REV} (what {@code ZREVRANGE} became), then {@code MGET} of the bodies:
 * two round trips.
 * <p>
 * For one thread.
 */
public final class RedisTimelines implements BaselineTimelines, AutoCloseable
{
    private static final String HOME_KEY = "home:";
    private static final String TWEET_KEY = "tweet:";
    private static final char AUTHOR_END = ':';

    private final Jedis jedis;
    private final long keepFromRank;
    private final FollowerLists followers = new FollowerLists();
    private Pipeline pipeline;
    private long lastId;
    private long deliveries;

    /**
     * Connects to the Redis server at {@code host:port}.
     *
     * @param capacity the most entries kept per home timeline, at least 1.
     */
    public RedisTimelines(final String host, final int port, final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.keepFromRank = -(capacity + 1L);
        this.jedis = new Jedis(host, port);
    }

    @Override
    public void follow(final long follower, final long followee)
    {
        followers.follow(follower, followee);
    }

    /**
     * Queues the commands of a post on the pipeline; they are sent as the pipeline's buffer fills
     * and answered by {@link #sync}.
     *
     * @return the tweet's id.
     */
    public long post(final long author, final String text)
    {
        if (null == pipeline)
        {
            pipeline = jedis.pipelined();
        }
        final long id = ++lastId;
        final String member = Long.toString(id);
        pipeline.set(TWEET_KEY + member, Long.toString(author) + AUTHOR_END + text);
        deliver(author, id, member);
        deliveries += 1 + followers.forEachFollower(author, follower -> deliver(follower, id, member));
        return id;
    }

    /** Waits until every command queued by {@link #post} is answered. */
    public void sync()
    {
        if (null != pipeline)
        {
            pipeline.sync();
            pipeline.close();
            pipeline = null;
        }
    }

    /**
     * The {@code limit} newest tweets of {@code user}'s home timeline, newest first.
     *
     * @throws IllegalStateException if posts are queued and not yet {@link #sync synced}.
     */
    @Override
    public List<StoredTweet> home(final long user, final int limit)
    {
        if (null != pipeline)
        {
            throw new IllegalStateException("posts are still queued: sync first");
        }
        final List<String> ids = jedis.zrange(HOME_KEY + user, ZRangeParams.zrangeParams(0, limit - 1).rev());
        if (ids.isEmpty())
        {
            return List.of();
        }
        final String[] keys = new String[ids.size()];
        for (int i = 0; i < keys.length; i++)
        {
            keys[i] = TWEET_KEY + ids.get(i);
        }
        final List<String> bodies = jedis.mget(keys);
        final List<StoredTweet> page = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++)
        {
            final String body = bodies.get(i);
            final int authorEnd = body.indexOf(AUTHOR_END);
            page.add(new StoredTweet(
                Long.parseLong(ids.get(i)), Long.parseLong(body, 0, authorEnd, 10), body.substring(authorEnd + 1)));
        }
        return page;
    }

    @Override
    public long deliveries()
    {
        return deliveries;
    }

    @Override
    public void close()
    {
        jedis.close();
    }

    private void deliver(final long user, final long id, final String member)
    {
        final String key = HOME_KEY + user;
        pipeline.zadd(key, id, member);
        pipeline.zremrangeByRank(key, 0, keepFromRank);
    }
}
