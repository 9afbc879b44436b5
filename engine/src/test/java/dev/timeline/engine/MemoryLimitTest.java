package dev.timeline.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A post that needs more off-heap memory than the limit leaves is refused with a typed exception
 * before it is journaled: reads go on, every acknowledged post is kept, the refused one never
 * appears, not after a restart with more memory either; and a directory whose state no longer fits
 * the limit refuses to open with one line saying about how much it needs.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemoryLimitTest
{
    /** Room for one chunk of tweet records and one of texts, with the reserve kept for the next post. */
    private static final long LIMIT = 2 * ((2 << 20) + 64 + (4 << 20) + 64);

    @TempDir
    Path directory;

    @Test
    void aPostThatDoesNotFitIsRefusedBeforeItIsJournaled()
    {
        final List<Long> acknowledged = new ArrayList<>();
        final MemoryLimitException refused;
        try (TimelineEngine engine = TimelineEngine.open(config().offHeapLimit(LIMIT)))
        {
            engine.follow(2, 1);
            refused = assertThrows(MemoryLimitException.class, () ->
            {
                while (true)
                {
                    acknowledged.add(engine.post(1, text(acknowledged.size())));
                }
            });
            assertTrue(refused.getMessage().contains("raise EngineConfig.offHeapLimit"), refused.getMessage());
            assertTrue(acknowledged.size() > 10_000, "posted until the text chunks ran out");
            assertThrows(MemoryLimitException.class, () -> engine.post(1, text(acknowledged.size())));

            final long newest = acknowledged.get(acknowledged.size() - 1);
            assertEquals(newest, engine.home(2, 1).get(0).id(), "reads go on and show what was acknowledged");
            assertEquals(newest, engine.tweets(1, 1).get(0).id());
        }

        final String refusedText = text(acknowledged.size());
        try (TimelineEngine reopened = TimelineEngine.open(config()))
        {
            final List<Long> kept = new ArrayList<>();
            long before = Long.MAX_VALUE;
            for (List<Tweet> page = reopened.tweets(1, 200, before); !page.isEmpty(); page = reopened.tweets(1, 200, before))
            {
                for (final Tweet tweet : page)
                {
                    kept.add(0, tweet.id());
                    assertNotEquals(refusedText, tweet.text(), "the refused post never appears");
                }
                before = page.get(page.size() - 1).id();
            }
            assertEquals(acknowledged, kept, "every acknowledged post, once, after a restart with more memory");
            reopened.post(1, refusedText);
        }
    }

    @Test
    void aDirectoryWhoseStateNoLongerFitsRefusesToOpenSayingWhatItNeeds()
    {
        try (TimelineEngine engine = TimelineEngine.open(config()))
        {
            engine.post(1, "needs a chunk of records and one of texts");
        }
        for (final boolean fromJournal : new boolean[] {false, true})
        {
            final MemoryLimitException refused = assertThrows(MemoryLimitException.class,
                () -> TimelineEngine.open(config().offHeapLimit(1 << 20).ignoreSnapshots(fromJournal)));
            assertTrue(refused.getMessage().matches(
                ".* needs about \\d+ MiB of off-heap memory to open, the engine's limit is 1 MiB; raise " +
                "EngineConfig.offHeapLimit"), refused.getMessage());
        }
        try (TimelineEngine engine = TimelineEngine.open(config()))
        {
            assertEquals(1, engine.tweets(1, 10).size(), "a refused open changes nothing");
        }
    }

    private EngineConfig config()
    {
        return new EngineConfig().dataDirectory(directory);
    }

    private static String text(final int n)
    {
        return String.format("%06d ", n) + "x".repeat(262);
    }
}
