package dev.timeline.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A timeline starts small and moves to larger blocks as it fills, up to the capacity, and its old
 * blocks are reused by other timelines. Reads stay whole while timelines move under them, and every
 * page is right afterwards, for timelines that grew by posts and by back-filled follows.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimelineGrowthTest
{
    private static final int AUTHORS = 8;
    private static final int READERS = 2;

    @TempDir
    Path directory;

    @Test
    void timelinesGrowUnderConcurrentReadsAndAnswerExactly() throws InterruptedException
    {
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory).timelineCapacity(300)))
        {
            for (long follower = 100; follower < 100 + READERS; follower++)
            {
                for (long author = 1; author <= AUTHORS; author++)
                {
                    engine.follow(follower, author);
                }
            }
            final AtomicBoolean posting = new AtomicBoolean(true);
            final AtomicReference<String> failure = new AtomicReference<>();
            final List<Thread> readers = new ArrayList<>();
            for (long follower = 100; follower < 100 + READERS; follower++)
            {
                final long user = follower;
                final Thread reader = new Thread(() -> readWhilePosting(engine, user, posting, failure));
                readers.add(reader);
                reader.start();
            }
            final List<Long> posted = new ArrayList<>();
            for (int i = 0; i < 1_000; i++)
            {
                final long author = 1 + i % AUTHORS;
                posted.add(engine.post(author, "post " + i + " by " + author));
                assertEquals(newest(posted, Limits.MAX_LIMIT), ids(engine.home(100, Limits.MAX_LIMIT)), "after post " + i);
                if (i % 97 == 0)
                {
                    engine.unfollow(100 + READERS, author);
                    engine.follow(100 + READERS, author);
                }
            }
            posting.set(false);
            for (final Thread reader : readers)
            {
                reader.join();
            }
            assertNull(failure.get());

            final List<Long> newestFirst = newest(posted, posted.size());
            for (long follower = 100; follower <= 100 + READERS; follower++)
            {
                final long user = follower;
                final List<Long> read = ids(Pages.all((limit, before) -> engine.home(user, limit, before)));
                assertEquals(newestFirst, read, "every page of the timeline of " + user);
            }
        }
    }

    private static List<Long> newest(final List<Long> posted, final int count)
    {
        final List<Long> newestFirst = new ArrayList<>(posted.subList(Math.max(0, posted.size() - count), posted.size()));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static List<Long> ids(final List<Tweet> tweets)
    {
        return tweets.stream().map(Tweet::id).toList();
    }

    private static void readWhilePosting(
        final TimelineEngine engine, final long user, final AtomicBoolean posting, final AtomicReference<String> failure)
    {
        final TimelineBuffer buffer = new TimelineBuffer();
        while (posting.get() && failure.get() == null)
        {
            final int size = engine.home(user, Limits.MAX_LIMIT, Long.MAX_VALUE, buffer);
            for (int i = 0; i < size; i++)
            {
                if (i > 0 && buffer.id(i) >= buffer.id(i - 1))
                {
                    failure.compareAndSet(null, "not newest first: " + buffer);
                }
                if (!buffer.text(i).endsWith(" by " + buffer.author(i)))
                {
                    failure.compareAndSet(null, "torn: " + buffer.tweet(i));
                }
            }
        }
    }
}
