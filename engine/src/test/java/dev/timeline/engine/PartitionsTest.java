package dev.timeline.engine;

import dev.timeline.engine.state.Partitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only several partitions can get wrong: ids in real-time order whichever partition issues
 * them, deletes routed by id alone, a post visible in every partition at once or in none, snapshots
 * taken by all partitions together, and a data directory that keeps the partition count it was
 * made with.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PartitionsTest
{
    private static final int PARTITIONS = 4;
    private static final Partitioner PARTITIONER = new Partitioner(PARTITIONS);

    @TempDir
    private Path dataDirectory;

    @Test
    void idsFollowRealTimeOrderAcrossPartitions()
    {
        final long[] authors = onePerPartition(1);
        try (TimelineEngine engine = TimelineEngine.open(config()))
        {
            long previous = 0;
            for (int i = 0; i < 2_000; i++)
            {
                final long author = authors[i * 7 % PARTITIONS];
                final long id = engine.post(author, "tweet " + i);
                assertTrue(id > previous, "post " + i + " got id " + id + " after " + previous);
                assertEquals(PARTITIONER.ofUser(author), PARTITIONER.ofTweet(id), "the id names its author's partition");
                previous = id;
            }
        }
        try (TimelineEngine reopened = TimelineEngine.open(config()))
        {
            final long id = reopened.post(authors[0], "after reopening");
            assertTrue(id > 0 && reopened.tweets(authors[PARTITIONS - 1], 1).get(0).id() < id);
        }
    }

    @Test
    void aDeleteReachesTheAuthorsPartitionAndEveryFollower()
    {
        final long[] authors = onePerPartition(1);
        final long[] followers = onePerPartition(1_000_000);
        try (TimelineEngine engine = TimelineEngine.open(config()))
        {
            for (final long follower : followers)
            {
                for (final long author : authors)
                {
                    engine.follow(follower, author);
                }
            }
            final List<Long> ids = new ArrayList<>();
            for (final long author : authors)
            {
                ids.add(engine.post(author, "to be deleted"));
                engine.post(author, "to stay");
            }
            for (final long id : ids)
            {
                engine.delete(id);
                assertThrows(TweetNotFoundException.class, () -> engine.delete(id));
            }
            for (final long follower : followers)
            {
                final List<Tweet> home = engine.home(follower, 20);
                assertEquals(PARTITIONS, home.size(), "follower " + follower + " sees " + home);
                home.forEach(tweet -> assertEquals("to stay", tweet.text()));
            }
        }
    }

    /**
     * A reader reads the followers' newest tweet in turn while the author posts: once any read has
     * shown a post, no read that starts later, in any partition, shows an older one.
     */
    @Test
    void aPostIsVisibleInEveryPartitionAtOnceOrInNone() throws Exception
    {
        final long author = 7;
        final long[] followers = onePerPartition(1_000_000);
        final AtomicBoolean posting = new AtomicBoolean(true);
        final AtomicReference<String> failure = new AtomicReference<>();
        try (TimelineEngine engine = TimelineEngine.open(config().strategy(Strategy.PUSH)))
        {
            for (final long follower : followers)
            {
                engine.follow(follower, author);
            }
            final Thread reader = new Thread(() ->
            {
                final TimelineBuffer buffer = new TimelineBuffer();
                long newestSeen = 0;
                for (int read = 0; posting.get() || read % followers.length != 0; read++)
                {
                    final long follower = followers[read % followers.length];
                    final long newest = engine.home(follower, 1, Long.MAX_VALUE, buffer) == 0 ? 0 : buffer.id(0);
                    if (newest < newestSeen)
                    {
                        failure.compareAndSet(null, "follower " + follower + " showed " + newest + " after " + newestSeen);
                        return;
                    }
                    newestSeen = newest;
                }
            });
            reader.start();
            for (int i = 0; i < 3_000; i++)
            {
                engine.postAsync(author, "post " + i);
            }
            engine.post(author, "last");
            posting.set(false);
            reader.join();
        }
        assertNull(failure.get());
    }

    /** Snapshots while running are taken by every partition together, under one epoch. */
    @Test
    void partitionsSnapshotTogether() throws Exception
    {
        final long[] users = onePerPartition(1);
        try (TimelineEngine engine = TimelineEngine.open(config().snapshotInterval(100)))
        {
            for (int i = 0; i < 1_000; i++)
            {
                engine.follow(users[i % PARTITIONS], users[(i + 1) % PARTITIONS]);
                engine.post(users[i % PARTITIONS], "tweet " + i);
            }
            final Set<String> epochs = snapshotFiles(0);
            assertFalse(epochs.isEmpty(), "no snapshot round after 2,000 writes with an interval of 100");
            for (int partition = 1; partition < PARTITIONS; partition++)
            {
                assertTrue(snapshotFiles(partition).containsAll(epochs) || epochs.containsAll(snapshotFiles(partition)),
                    "partition " + partition + " has " + snapshotFiles(partition) + ", partition 0 " + epochs);
            }
        }
    }

    private Set<String> snapshotFiles(final int partition) throws IOException
    {
        try (Stream<Path> files = Files.list(dataDirectory.resolve("partition-" + partition).resolve("snapshots")))
        {
            return files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".snapshot"))
                .collect(Collectors.toSet());
        }
    }

    @Test
    void aDirectoryKeepsItsPartitionCount()
    {
        TimelineEngine.open(config()).close();
        final DataDirectoryException refused = assertThrows(
            DataDirectoryException.class, () -> TimelineEngine.open(config().partitions(2)).close());
        assertTrue(refused.getMessage().contains("written with " + PARTITIONS + " partition(s)"), refused.getMessage());
    }

    private EngineConfig config()
    {
        return new EngineConfig().dataDirectory(dataDirectory).partitions(PARTITIONS);
    }

    /** One user id of each partition, the smallest at or above {@code from}, indexed by partition. */
    private static long[] onePerPartition(final long from)
    {
        final long[] users = new long[PARTITIONS];
        int found = 0;
        for (long user = from; found < PARTITIONS; user++)
        {
            final int partition = PARTITIONER.ofUser(user);
            if (users[partition] == 0)
            {
                users[partition] = user;
                found++;
            }
        }
        return users;
    }
}
