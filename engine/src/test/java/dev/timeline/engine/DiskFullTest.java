package dev.timeline.engine;

import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.CountersFile;
import dev.timeline.journal.SmallFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a real file system that fills up (a small tmpfs; skipped, saying why, where it cannot be
 * mounted): a post that does not fit is refused with a typed exception naming the directory, reads
 * go on, the next post succeeds in the same engine once the file system grows, and after a restart
 * every acknowledged post is there and the refused one is not.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiskFullTest
{
    @TempDir
    Path directory;

    private SmallFileSystem disk;

    @BeforeEach
    void mount() throws Exception
    {
        disk = SmallFileSystem.mount(directory.resolve("disk"), 24);
    }

    @AfterEach
    void unmount()
    {
        disk.close();
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 3})
    void aPostThatDoesNotFitIsRefusedAndWritesResumeOnceThereIsSpace(final int partitions) throws Exception
    {
        final Path data = disk.directory().resolve("timeline");
        final List<Long> acknowledged = new ArrayList<>();
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data).partitions(partitions)))
        {
            engine.follow(2, 1);
            final DiskFullException refused = assertThrows(DiskFullException.class, () ->
            {
                while (true)
                {
                    acknowledged.add(engine.post(1, text(acknowledged.size())));
                }
            });
            assertTrue(refused.getMessage().startsWith("no space left in " + data), refused.getMessage());
            assertTrue(acknowledged.size() > 1_000, "posted until the disk was full");
            final long newest = acknowledged.get(acknowledged.size() - 1);
            assertEquals(newest, engine.home(2, 1).get(0).id(), "reads go on");
            try (CountersFile counters = CountersFile.open(data))
            {
                while (counters.get(Counter.REJECTED_DISK) < 1)
                {
                    Thread.onSpinWait();
                }
            }

            disk.resize(64);
            acknowledged.add(engine.post(1, text(acknowledged.size())));
        }
        try (TimelineEngine reopened = TimelineEngine.open(new EngineConfig().dataDirectory(data)))
        {
            final List<Long> kept = new ArrayList<>();
            for (final Tweet tweet : Pages.all((limit, before) -> reopened.tweets(1, limit, before)))
            {
                kept.add(0, tweet.id());
            }
            assertEquals(acknowledged, kept, "every acknowledged post once, the refused one never");
        }
    }

    private static String text(final int n)
    {
        return String.format("%06d ", n) + "x".repeat(262);
    }
}
