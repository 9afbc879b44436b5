package dev.timeline.bench;

import dev.timeline.bench.baseline.RedisServer;
import dev.timeline.bench.baseline.RedisTimelines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.io.IOException;
import java.util.List;

import static dev.timeline.bench.EngineTimelines.LIMIT;
import static dev.timeline.bench.EngineTimelines.POSTS;
import static dev.timeline.bench.EngineTimelines.WORKLOAD;
import static dev.timeline.bench.EngineTimelines.authorsAndTexts;
import static dev.timeline.bench.EngineTimelines.forEachUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Redis baseline against a real {@code redis-server} does the engine's work: the same deliveries,
 * the same home timelines. Skipped where {@code redis-server} is not installed.
 */
class RedisBaselineTest
{
    private static EngineTimelines engine;

    @BeforeAll
    static void postIntoTheEngine() throws IOException
    {
        assumeTrue(RedisServer.isInstalled(),
            "redis-server is not on the PATH, so the Redis baseline is not tested (apt-get install redis-server)");
        engine = new EngineTimelines();
    }

    @AfterAll
    static void closeTheEngine()
    {
        if (engine != null)
        {
            engine.close();
        }
    }

    @Test
    void givesTheEnginesHomeTimelines() throws Exception
    {
        try (RedisContender redis = RedisContender.open(WORKLOAD, 64))
        {
            EngineTimelines.post(redis);

            assertEquals(engine.deliveries(), redis.deliveries());
            forEachUser(user -> assertEquals(engine.home(user, LIMIT),
                authorsAndTexts(redis.timelines().home(user, LIMIT)), "home of user " + user));
        }
    }

    @Test
    void keepsTheNewestEntriesUpToTheCapacity() throws Exception
    {
        final int capacity = 8;
        try (RedisServer server = RedisServer.start();
            RedisTimelines redis = new RedisTimelines(RedisServer.HOST, server.port(), capacity);
            Jedis client = new Jedis(RedisServer.HOST, server.port()))
        {
            WORKLOAD.followGraph().forEachFollow(redis::follow);
            for (int i = 0; i < POSTS.count(); i++)
            {
                redis.post(POSTS.author(i), POSTS.text(i));
            }
            redis.sync();

            forEachUser(user ->
            {
                assertEquals(engine.home(user, capacity), authorsAndTexts(redis.home(user, LIMIT)),
                    "home of user " + user);
                assertEquals(Math.min(capacity, engine.home(user, capacity + 1).size()), client.zcard("home:" + user),
                    "entries kept for user " + user);
            });
        }
    }

    @Test
    void readsOnlyOnceQueuedPostsAreSynced() throws Exception
    {
        try (RedisServer server = RedisServer.start();
            RedisTimelines redis = new RedisTimelines(RedisServer.HOST, server.port(), 8))
        {
            redis.follow(1, 2);
            redis.post(2, "queued");
            assertThrows(IllegalStateException.class, () -> redis.home(1, 20));

            redis.sync();
            assertEquals(List.of("2 queued"), authorsAndTexts(redis.home(1, 20)));
            assertEquals(List.of("2 queued"), authorsAndTexts(redis.home(2, 20)));
        }
    }

    @Test
    void countsTheServersProcessorTime() throws Exception
    {
        try (RedisServer server = RedisServer.start();
            Jedis client = new Jedis(RedisServer.HOST, server.port()))
        {
            final long before = server.processorNanos();
            client.eval("local i = 0 while i < 20000000 do i = i + 1 end return i", 0);
            assertTrue(server.processorNanos() > before, "a script's loop in the server counts");
        }
    }

    @Test
    void stopsTheServerItStarted() throws Exception
    {
        final RedisServer server = RedisServer.start();
        try (Jedis client = new Jedis(RedisServer.HOST, server.port()))
        {
            assertEquals("PONG", client.ping());
        }
        server.close();
        try (Jedis client = new Jedis(RedisServer.HOST, server.port()))
        {
            assertThrows(JedisConnectionException.class, client::ping);
        }
    }
}
