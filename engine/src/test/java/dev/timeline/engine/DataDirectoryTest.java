package dev.timeline.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One engine owns a data directory at a time; a read-only engine may recover it alongside, disturbing nothing. */
class DataDirectoryTest
{
    private static final long[] USERS = {0, 1, 2, Long.MAX_VALUE};

    @TempDir
    private Path dataDirectory;

    @Test
    void aDirectoryInUseIsRefused()
    {
        try (TimelineEngine owner = TimelineEngine.open(config()))
        {
            owner.post(1, "mine");
            final DataDirectoryException refused = assertThrows(
                DataDirectoryException.class, () -> TimelineEngine.open(config()).close());
            assertTrue(refused.getMessage().contains(dataDirectory.toString()), refused.getMessage());
            owner.post(1, "still mine");
            assertEquals(2, owner.tweets(1, 10).size());
        }
        try (TimelineEngine next = TimelineEngine.open(config()))
        {
            assertEquals(List.of("still mine", "mine"), next.tweets(1, 10).stream().map(Tweet::text).toList());
        }
    }

    @Test
    void aReadOnlyOpenRecoversALiveDirectoryWithoutDisturbingIt()
    {
        try (TimelineEngine writer = TimelineEngine.open(config()))
        {
            writer.follow(0, 1);
            writer.follow(0, Long.MAX_VALUE);
            writer.follow(2, 1);
            writer.post(1, "first");
            writer.delete(writer.post(Long.MAX_VALUE, "gone"));
            writer.post(Long.MAX_VALUE, "kept");
            writer.unfollow(2, 1);
            final long before = writer.post(2, "own");
            try (TimelineEngine reader = TimelineEngine.open(config().readOnly(true)))
            {
                assertEquals(everything(writer), everything(reader));
                final TimelineException refused = assertThrows(TimelineException.class, () -> reader.post(1, "sneaky"));
                assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
                assertThrows(TimelineException.class, () -> reader.follow(2, 0));
                final long after = writer.post(1, "after the reader opened");
                assertTrue(after > before, after + " after " + before);
                writer.follow(2, 0);
            }
            try (TimelineEngine reader = TimelineEngine.open(config().readOnly(true)))
            {
                assertEquals(everything(writer), everything(reader));
            }
        }
        final List<List<Tweet>> closed;
        try (TimelineEngine writer = TimelineEngine.open(config()))
        {
            closed = everything(writer);
            assertAll(
                () -> assertEquals(List.of("after the reader opened", "kept", "first"), texts(writer.home(0, 10))),
                () -> assertEquals(List.of("own"), texts(writer.home(2, 10))));
        }
        try (TimelineEngine reader = TimelineEngine.open(config().readOnly(true)))
        {
            assertEquals(closed, everything(reader));
        }
    }

    private EngineConfig config()
    {
        return new EngineConfig().dataDirectory(dataDirectory).timelineCapacity(2).celebrityThreshold(2);
    }

    private static List<List<Tweet>> everything(final TimelineEngine engine)
    {
        final List<List<Tweet>> reads = new ArrayList<>();
        for (final long user : USERS)
        {
            reads.add(Pages.all((limit, before) -> engine.home(user, limit, before)));
            reads.add(Pages.all((limit, before) -> engine.tweets(user, limit, before)));
        }
        return reads;
    }

    private static List<String> texts(final List<Tweet> tweets)
    {
        return tweets.stream().map(Tweet::text).toList();
    }
}
