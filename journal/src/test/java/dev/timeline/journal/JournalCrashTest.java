package dev.timeline.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM appends as fast as it can and is killed with SIGKILL at random moments, round after round; after each
 * kill every acknowledged event is replayed intact and in order, and nothing partial is delivered.
 * The moments come from a seed, printed and settable: {@code -Dtimeline.crash.seed=N}.
 */
class JournalCrashTest
{
    private static final int ROUNDS = 16;
    private static final int MAX_RUN_AFTER_FIRST_ACK_MS = 300;
    private static final int MAX_START_UP_MS = 1500;
    private static final long SEED = Long.getLong("timeline.crash.seed", 42);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyAcknowledgedEventSurvivesKillNine() throws Exception
    {
        System.out.println("JournalCrashTest: seed " + SEED + " (-Dtimeline.crash.seed=N for another)");
        final Random random = new Random(SEED);
        final Path journalDir = dir.resolve("journal");
        long acknowledged = 0;
        int roundsAcknowledging = 0;

        for (int round = 0; round < ROUNDS; round++)
        {
            final boolean killDuringStartUp = round % 4 == 3;
            roundsAcknowledging += killDuringStartUp ? 0 : 1;
            final String where = "seed " + SEED + " round " + round;
            final long lastAcknowledged = runAndKill(journalDir, random, killDuringStartUp, where);
            acknowledged = Math.max(acknowledged, lastAcknowledged + 1);

            final DerivedEvents.Checker checker = new DerivedEvents.Checker();
            try (Journal journal = Journal.open(journalDir))
            {
                assertEquals(journal.eventCount(), journal.replay(checker));
            }
            assertTrue(checker.count() >= acknowledged, where + ": replayed " +
                checker.count() + " events but " + acknowledged + " were acknowledged");
        }

        assertTrue(
            acknowledged >= roundsAcknowledging,
            "the child acknowledged only " + acknowledged + " events in " + roundsAcknowledging + " rounds");
    }

    private long runAndKill(final Path journalDir, final Random random, final boolean duringStartUp, final String round)
        throws IOException, InterruptedException
    {
        final Path stderr = dir.resolve("stderr.txt");
        final Process child = new ProcessBuilder(ChildJvm.command(CrashingAppender.class, journalDir.toString()))
            .redirectError(stderr.toFile())
            .start();
        final AtomicLong lastAcknowledged = new AtomicLong(-1);
        final Object firstAck = new Object();
        final Thread reader = new Thread(() -> readAcknowledgements(child.getInputStream(), lastAcknowledged, firstAck));
        reader.start();

        if (duringStartUp)
        {
            Thread.sleep(random.nextInt(MAX_START_UP_MS));
        }
        else
        {
            synchronized (firstAck)
            {
                while (lastAcknowledged.get() < 0 && child.isAlive())
                {
                    firstAck.wait(100);
                }
            }
            Thread.sleep(random.nextInt(MAX_RUN_AFTER_FIRST_ACK_MS));
        }

        final boolean aliveWhenKilled = child.isAlive();
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        reader.join();
        assertTrue(aliveWhenKilled, round + ": the child died by itself: " + Files.readString(stderr));

        return lastAcknowledged.get();
    }

    private static void readAcknowledgements(final InputStream in, final AtomicLong lastAcknowledged, final Object firstAck)
    {
        long value = 0;
        try (in)
        {
            int b;
            while ((b = in.read()) != -1)
            {
                if ('\n' == b)
                {
                    lastAcknowledged.set(value);
                    value = 0;
                    synchronized (firstAck)
                    {
                        firstAck.notifyAll();
                    }
                }
                else
                {
                    value = value * 10 + (b - '0');
                }
            }
        }
        catch (final IOException ignore)
        {
            // the child was killed: a line without its newline was never acknowledged
        }
    }

    static
    {
        assertTrue(File.separatorChar == '/', "kill -9 semantics are tested on POSIX systems");
    }
}
