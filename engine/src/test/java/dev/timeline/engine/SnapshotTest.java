package dev.timeline.engine;

import dev.timeline.engine.status.ErrorLogFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots: written on close and periodically, loaded on open with only the journal after them
 * replayed, and never trusted when damaged or written with other settings, so every reopen answers
 * exactly as the engine did before it closed.
 */
class SnapshotTest
{
    private static final int USERS = 40;

    @TempDir
    Path directory;

    private final Random random = new Random(7);

    @Test
    void reopeningLoadsTheSnapshotWrittenOnCloseAndReplaysNothing()
    {
        final List<List<Tweet>> before = runAndClose(600);
        try (TimelineEngine engine = TimelineEngine.open(config()))
        {
            assertTrue(engine.recovery().snapshotEvents() > 0, "a snapshot was loaded");
            assertEquals(0, engine.recovery().events(), "nothing left to replay");
            assertEquals(before, everyTimeline(engine));
        }
    }

    @Test
    void ignoringSnapshotsReplaysTheWholeJournalToTheSameAnswers()
    {
        final List<List<Tweet>> before = runAndClose(300);
        try (TimelineEngine engine = TimelineEngine.open(config().ignoreSnapshots(true)))
        {
            assertEquals(0, engine.recovery().snapshotEvents());
            assertTrue(engine.recovery().events() > 0, "every journal event was replayed");
            assertEquals(before, everyTimeline(engine));
        }
    }

    @Test
    void eventsAfterThePeriodicSnapshotAreReplayedOnTopOfIt(@TempDir final Path unclosed) throws IOException
    {
        final List<List<Tweet>> before;
        final TimelineEngine engine = TimelineEngine.open(config().snapshotInterval(250));
        workload(engine, 600);
        before = everyTimeline(engine);
        copyTree(directory, unclosed);
        engine.close();

        try (TimelineEngine reopened = TimelineEngine.open(config().dataDirectory(unclosed)))
        {
            final RecoveryReport recovery = reopened.recovery();
            assertTrue(recovery.snapshotEvents() > 0, "a periodic snapshot was loaded");
            assertTrue(recovery.events() > 0, "the events after it were replayed");
            assertEquals(before, everyTimeline(reopened));
        }
    }

    @Test
    void aDamagedSnapshotIsSkippedForAnOlderOneOrTheWholeJournal() throws IOException
    {
        runAndClose(300);
        final List<List<Tweet>> before = runAndClose(300);
        final List<Path> snapshots = new ArrayList<>(snapshots());
        assertEquals(2, snapshots.size(), "the two newest snapshots are kept");
        Collections.reverse(snapshots);
        for (final Path snapshot : snapshots)
        {
            final byte[] bytes = Files.readAllBytes(snapshot);
            bytes[bytes.length / 2] ^= 0x5A;
            Files.write(snapshot, bytes);
            try (TimelineEngine engine = TimelineEngine.open(config()))
            {
                assertEquals(before, everyTimeline(engine), "answers after damaging " + snapshot.getFileName());
                try (ErrorLogFile errors = ErrorLogFile.open(directory))
                {
                    assertTrue(errors.describe().contains(snapshot + " is unusable"), errors.describe());
                }
            }
        }
    }

    @Test
    void aSnapshotWrittenWithOtherSettingsIsIgnored()
    {
        final List<List<Tweet>> before = runAndClose(400);
        try (TimelineEngine engine = TimelineEngine.open(config().timelineCapacity(3).strategy(Strategy.PUSH)))
        {
            assertEquals(0, engine.recovery().snapshotEvents(), "the snapshot's timelines do not fit these settings");
            assertTrue(engine.recovery().events() > 0);
            assertEquals(before, everyTimeline(engine));
        }
    }

    @Test
    void anUnfinishedSnapshotFromACrashIsIgnored() throws IOException
    {
        final List<List<Tweet>> before = runAndClose(200);
        final Path snapshot = snapshots().get(0);
        Files.write(snapshot.resolveSibling("snapshot-7fffffffffffffff.snapshot.tmp"), new byte[] {1, 2, 3});
        try (TimelineEngine engine = TimelineEngine.open(config()))
        {
            assertEquals(before, everyTimeline(engine));
        }
    }

    /** Opens the engine, runs the workload, and returns every timeline as it was before closing. */
    private List<List<Tweet>> runAndClose(final int steps)
    {
        try (TimelineEngine engine = TimelineEngine.open(config()))
        {
            workload(engine, steps);
            return everyTimeline(engine);
        }
    }

    private EngineConfig config()
    {
        return new EngineConfig().dataDirectory(directory).timelineCapacity(5).celebrityThreshold(4);
    }

    private void workload(final TimelineEngine engine, final int steps)
    {
        final List<Long> posted = new ArrayList<>();
        for (int step = 0; step < steps; step++)
        {
            final long a = random.nextInt(USERS);
            final long b = (a + 1 + random.nextInt(USERS - 1)) % USERS;
            switch (random.nextInt(6))
            {
                case 0, 1 -> engine.follow(a, b);
                case 2 -> engine.unfollow(a, b);
                case 3 ->
                {
                    if (!posted.isEmpty())
                    {
                        engine.delete(posted.remove(random.nextInt(posted.size())));
                    }
                }
                default -> posted.add(engine.post(a, "tweet " + step + " by " + a));
            }
        }
    }

    private static List<List<Tweet>> everyTimeline(final TimelineEngine engine)
    {
        final List<List<Tweet>> timelines = new ArrayList<>();
        for (long user = 0; user < USERS; user++)
        {
            timelines.add(engine.home(user, Limits.MAX_LIMIT));
            timelines.add(engine.tweets(user, Limits.MAX_LIMIT));
        }
        return timelines;
    }

    private List<Path> snapshots() throws IOException
    {
        try (Stream<Path> files = Files.list(directory.resolve("partition-0").resolve("snapshots")))
        {
            return files.filter(file -> file.toString().endsWith(".snapshot")).sorted().toList();
        }
    }

    private static void copyTree(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> files = Files.walk(from))
        {
            for (final Path file : files.toList())
            {
                final Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file))
                {
                    Files.createDirectories(target);
                }
                else if (!file.getFileName().toString().equals("engine.lock"))
                {
                    Files.copy(file, target);
                }
            }
        }
    }
}
