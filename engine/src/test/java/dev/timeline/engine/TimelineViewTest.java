package dev.timeline.engine;

import com.sun.management.ThreadMXBean;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads into a {@link TimelineView} answer exactly what reads into a {@link TimelineBuffer} do, with
 * several partitions too; a text viewed stays valid and unchanged until the engine closes, through
 * later reads, posts and deletes; a {@link Timelines} that can only copy fills a view through the
 * interface's default; and neither form allocates.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TimelineViewTest
{
    private static final int USERS = 40;

    @TempDir
    Path directory;

    @Test
    void viewsAnswerAsCopiesDo()
    {
        for (final int partitions : new int[] {1, 3})
        {
            final Path data = directory.resolve("partitions-" + partitions);
            try (TimelineEngine engine = TimelineEngine.open(
                new EngineConfig().dataDirectory(data).partitions(partitions).timelineCapacity(8).celebrityThreshold(5)))
            {
                final List<Long> ids = postAround(engine);
                for (int i = 0; i < ids.size(); i += 3)
                {
                    engine.delete(ids.get(i));
                }
                final TimelineBuffer buffer = new TimelineBuffer();
                final TimelineView view = new TimelineView();
                for (long user = 0; user < USERS; user++)
                {
                    for (final long before : new long[] {Long.MAX_VALUE, ids.get(ids.size() / 2)})
                    {
                        engine.home(user, 25, before, buffer);
                        assertEquals(buffer.toList(), readHome(engine, user, before, view), "home of " + user);
                        engine.tweets(user, 25, before, buffer);
                        engine.tweetsView(user, 25, before, view);
                        assertEquals(buffer.toList(), view.toList(), "tweets of " + user);
                    }
                }
            }
        }
    }

    @Test
    void aViewedTextStaysValidUntilTheEngineCloses()
    {
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory)))
        {
            final List<Long> ids = postAround(engine);
            final TimelineView view = new TimelineView();
            engine.homeView(1, 20, Long.MAX_VALUE, view);
            final List<Tweet> read = view.toList();
            final List<DirectBuffer> buffers = new ArrayList<>();
            final List<Integer> offsets = new ArrayList<>();
            for (int i = 0; i < view.size(); i++)
            {
                buffers.add(view.textBuffer(i));
                offsets.add(view.textOffset(i));
            }
            final String filler = "x".repeat(250);
            // More than a text log chunk of new texts, so the texts viewed are not in the newest chunk.
            for (int i = 0; i < 20_000; i++)
            {
                engine.post(USERS + i % 7, filler + i);
            }
            for (final long id : ids)
            {
                engine.delete(id);
            }
            engine.homeView(2, 20, Long.MAX_VALUE, view);
            for (int i = 0; i < read.size(); i++)
            {
                final String text = read.get(i).text();
                final int length = text.getBytes(StandardCharsets.UTF_8).length;
                assertEquals(text, buffers.get(i).getStringWithoutLengthUtf8(offsets.get(i), length), "text " + i);
            }
        }
    }

    @Test
    void aTimelinesThatCopiesFillsViewsThroughTheDefault()
    {
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory)))
        {
            postAround(engine);
            final Timelines copying = new CopyingTimelines(engine);
            final TimelineBuffer buffer = new TimelineBuffer();
            final TimelineView view = new TimelineView();
            for (long user = 0; user < USERS; user++)
            {
                engine.home(user, 10, Long.MAX_VALUE, buffer);
                assertEquals(buffer.size(), copying.homeView(user, 10, Long.MAX_VALUE, view));
                assertEquals(buffer.toList(), view.toList(), "home of " + user);
                engine.tweets(user, 10, Long.MAX_VALUE, buffer);
                assertEquals(buffer.size(), copying.tweetsView(user, 10, Long.MAX_VALUE, view));
                assertEquals(buffer.toList(), view.toList(), "tweets of " + user);
            }
        }
    }

    @Test
    void readingIntoABufferOrAViewAllocatesNothing()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory)))
        {
            postAround(engine);
            final TimelineBuffer buffer = new TimelineBuffer();
            final TimelineView view = new TimelineView();
            for (int round = 0; round < 3; round++)
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                long read = 0;
                for (int i = 0; i < 20_000; i++)
                {
                    read += engine.home(i % USERS, 20, Long.MAX_VALUE, buffer);
                    read += engine.homeView(i % USERS, 20, Long.MAX_VALUE, view);
                }
                final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertTrue(read > 0);
                if (round > 0)
                {
                    assertTrue(allocated < 20_000, "40,000 reads allocated " + allocated + " bytes");
                }
            }
        }
    }

    /** Each user follows the next five and posts ten tweets; returns the ids, oldest first. */
    private static List<Long> postAround(final Timelines timelines)
    {
        for (long user = 0; user < USERS; user++)
        {
            for (long next = 1; next <= 5; next++)
            {
                timelines.follow(user, (user + next) % USERS);
            }
        }
        final List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10 * USERS; i++)
        {
            ids.add(timelines.post(i % USERS, "tweet " + i + " \u00e9\u4e2d\ud83d\ude00 by " + i % USERS));
        }
        return ids;
    }

    private static List<Tweet> readHome(
        final TimelineEngine engine, final long user, final long before, final TimelineView view)
    {
        final int read = engine.homeView(user, 25, before, view);
        assertEquals(read, view.size());
        return view.toList();
    }

    /** Only the copying reads of an engine, as an implementation that cannot hand out its memory has. */
    private static final class CopyingTimelines implements Timelines
    {
        private final TimelineEngine engine;

        CopyingTimelines(final TimelineEngine engine)
        {
            this.engine = engine;
        }

        @Override
        public void follow(final long follower, final long followee)
        {
            engine.follow(follower, followee);
        }

        @Override
        public void unfollow(final long follower, final long followee)
        {
            engine.unfollow(follower, followee);
        }

        @Override
        public long post(final long author, final CharSequence text)
        {
            return engine.post(author, text);
        }

        @Override
        public void delete(final long tweetId)
        {
            engine.delete(tweetId);
        }

        @Override
        public CompletableFuture<Void> followAsync(final long follower, final long followee)
        {
            return engine.followAsync(follower, followee);
        }

        @Override
        public CompletableFuture<Void> unfollowAsync(final long follower, final long followee)
        {
            return engine.unfollowAsync(follower, followee);
        }

        @Override
        public CompletableFuture<Long> postAsync(final long author, final CharSequence text)
        {
            return engine.postAsync(author, text);
        }

        @Override
        public CompletableFuture<Void> deleteAsync(final long tweetId)
        {
            return engine.deleteAsync(tweetId);
        }

        @Override
        public int home(final long user, final int limit, final long before, final TimelineBuffer into)
        {
            return engine.home(user, limit, before, into);
        }

        @Override
        public int tweets(final long user, final int limit, final long before, final TimelineBuffer into)
        {
            return engine.tweets(user, limit, before, into);
        }

        @Override
        public void close()
        {
        }
    }
}
