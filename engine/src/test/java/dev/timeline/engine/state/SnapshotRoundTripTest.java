package dev.timeline.engine.state;

import dev.timeline.engine.Strategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A partition's state written to a snapshot and loaded back is the state it was: the user index,
 * each user's timeline header, followees, followers (in their order), pulled set and tweets; and it
 * goes on exactly as the original under the same commands. A snapshot whose counts or section
 * position are damaged is refused with an error, never loaded or run out of memory on.
 */
class SnapshotRoundTripTest
{
    private static final int CAPACITY = 5;
    private static final int THRESHOLD = 3;
    /** Where the user count is: after the header and four counts. */
    private static final int USER_COUNT_OFFSET = 44 + 4 * Long.BYTES;

    @TempDir
    Path directory;

    private final Random random = new Random(11);

    @Test
    void aLoadedStateIsTheWrittenOneAndGoesOnLikeIt() throws IOException
    {
        final PartitionState written = ran(3_000);
        final Path file = directory.resolve("state" + SnapshotFile.SUFFIX);
        SnapshotFile.write(file, written, new SnapshotFile.Position(1, 41, 42));

        final PartitionState read = state();
        assertEquals(new SnapshotFile.Position(1, 41, 42), SnapshotFile.load(file, read));
        assertSameState(written, read);

        final long seed = random.nextLong();
        written.takeOwnership();
        run(written, new Random(seed), 2_000);
        read.takeOwnership();
        run(read, new Random(seed), 2_000);
        assertSameState(written, read);
        written.free();
        read.free();
    }

    @Test
    void aSnapshotWithADamagedCountOrSectionPositionIsRefused() throws IOException
    {
        final PartitionState written = ran(500);
        final Path file = directory.resolve("state" + SnapshotFile.SUFFIX);
        SnapshotFile.write(file, written, new SnapshotFile.Position(1, 1, 1));
        final byte[] intact = Files.readAllBytes(file);

        final int trailer = intact.length - SnapshotLayout.TRAILER_LENGTH;
        assertRefused(file, intact, bytes -> bytes.putInt(USER_COUNT_OFFSET, Integer.MAX_VALUE));
        assertRefused(file, intact, bytes -> bytes.putLong(trailer, Long.MAX_VALUE));
        assertRefused(file, intact, bytes -> bytes.putLong(trailer, USER_COUNT_OFFSET));
        assertRefused(file, intact, bytes -> bytes.putInt(Integer.BYTES, SnapshotLayout.VERSION - 1));

        Files.write(file, intact);
        final PartitionState loaded = state();
        assertNotNull(SnapshotFile.load(file, loaded), "the intact snapshot still loads");
        loaded.free();
        written.free();
    }

    private PartitionState state()
    {
        return new PartitionState(
            0, new Partitioner(1), Strategy.HYBRID, CAPACITY, THRESHOLD, new OffHeapBudget(OffHeapBudget.UNLIMITED, 1));
    }

    /** A state owned by this thread after {@code steps} random commands. */
    private PartitionState ran(final int steps)
    {
        final PartitionState state = state();
        state.takeOwnership();
        run(state, random, steps);
        return state;
    }

    /** Random follows, unfollows, posts and deletes among 60 sparse user ids. */
    private static void run(final PartitionState state, final Random random, final int steps)
    {
        final TimelineStateMachine machine = new TimelineStateMachine(state);
        long tweetId = state.lastTweetId() + 1;
        for (int step = 0; step < steps; step++)
        {
            final long a = userId(random.nextInt(60));
            final long b = userId(random.nextInt(60));
            switch (random.nextInt(5))
            {
                case 0, 1 ->
                {
                    if (a != b)
                    {
                        machine.follow(a, b);
                    }
                }
                case 2 -> machine.unfollow(a, b);
                case 3 ->
                {
                    final int tweet = machine.findLiveTweet(tweetId - 1 - random.nextInt(20));
                    if (tweet >= 0)
                    {
                        machine.delete(tweet);
                    }
                }
                default ->
                {
                    final byte[] text = ("tweet " + tweetId).getBytes(StandardCharsets.UTF_8);
                    machine.post(tweetId++, a, new UnsafeBuffer(text), 0, text.length);
                }
            }
        }
    }

    private static long userId(final int n)
    {
        return n * 0x9E3779B97F4A7C1L;
    }

    private static void assertSameState(final PartitionState expected, final PartitionState actual)
    {
        assertEquals(expected.stats(), actual.stats());
        assertEquals(expected.lastTweetId(), actual.lastTweetId());
        assertEquals(expected.users.size(), actual.users.size());
        final UserTable want = expected.users.table();
        final UserTable got = actual.users.table();
        for (int user = 0; user < expected.users.size(); user++)
        {
            final long id = want.userIds[user];
            final String who = "user " + id;
            assertEquals(id, got.userIds[user], who);
            assertEquals(user, actual.users.find(id), who);
            assertEquals(want.head(user), got.head(user), who);
            assertEquals(want.block(user), got.block(user), who);
            assertEquals(want.horizon(user), got.horizon(user), who);
            assertEquals(want.ring(user), got.ring(user), who);
            assertEquals(want.isPulled[user], got.isPulled[user], who);
            assertArrayEquals(want.followees(user), got.followees(user), who);
            assertArrayEquals(want.pulled(user), got.pulled(user), who);
            assertArrayEquals(
                Arrays.copyOf(want.followers[user], want.followerCounts[user]),
                Arrays.copyOf(got.followers[user], got.followerCounts[user]), who);
        }
        assertEquals(-1, actual.users.find(userId(61)));
        assertEquals(expected.tweets.count(), actual.tweets.count());
        for (int tweet = 0; tweet < expected.tweets.count(); tweet++)
        {
            assertEquals(expected.tweets.id(tweet), actual.tweets.id(tweet));
            assertEquals(expected.tweets.isDeleted(tweet), actual.tweets.isDeleted(tweet));
            assertEquals(expected.tweets.previous(tweet), actual.tweets.previous(tweet));
            assertEquals(text(expected.tweets, tweet), text(actual.tweets, tweet));
        }
        assertTrue(expected.tweets.count() > 100, "the run posted");
    }

    private static String text(final TweetStore tweets, final int tweet)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[tweets.textLength(tweet)]);
        tweets.copyText(tweet, buffer, 0);
        return buffer.getStringWithoutLengthUtf8(0, buffer.capacity());
    }

    /** Damages {@code file}, a copy of {@code intact}, and checks that loading it is refused. */
    private void assertRefused(final Path file, final byte[] intact, final Consumer<ByteBuffer> damage)
        throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.wrap(intact.clone()).order(ByteOrder.LITTLE_ENDIAN);
        damage.accept(bytes);
        Files.write(file, bytes.array());
        final PartitionState fresh = state();
        assertThrows(IOException.class, () -> SnapshotFile.load(file, fresh));
        fresh.free();
    }
}
