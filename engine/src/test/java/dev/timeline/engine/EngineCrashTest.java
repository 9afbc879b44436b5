package dev.timeline.engine;

import dev.timeline.engine.model.Population;
import dev.timeline.engine.model.ReferenceTimelines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A child JVM ({@link CrashWorkload}) writes to a data directory and is killed with SIGKILL at a
 * random point, again and again. After each kill the recovered engine holds exactly the writes the
 * child saw acknowledged, plus possibly a prefix of the few it had in flight, and the ids of new
 * posts still go up. While a child runs, the directory is refused to any other engine. Rounds
 * alternate the sync modes of the child, and recoveries from a snapshot with replays of the whole journal.
 * It runs with one partition and with three, whose recoveries must also deliver every post the
 * journals hold to every partition, whichever partition's journal ended first.
 * <p>
 * More rounds: {@code -Dtimeline.crash.rounds=N}; another workload: {@code -Dtimeline.crash.seed=N}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EngineCrashTest
{
    private static final int ROUNDS = Integer.getInteger("timeline.crash.rounds", 12);
    private static final long SEED = Long.getLong("timeline.crash.seed", 42);
    private static final int MAX_LINES = 800;

    private final ReferenceTimelines reference = new ReferenceTimelines();
    private final Population population = CrashWorkload.population(SEED);
    private final Random random = new Random(SEED);
    private boolean refusalChecked;
    private int partitions;

    @TempDir
    private Path work;

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 3})
    void everyAcknowledgedWriteSurvivesKillDashNine(final int partitions) throws Exception
    {
        this.partitions = partitions;
        final Path dataDirectory = work.resolve("data");
        for (int round = 0; round < ROUNDS; round++)
        {
            final WriteLog log = runAndKill(dataDirectory, round);
            final String where = "seed " + SEED + ", round " + round + ", killed after line " + log.lines();
            for (final WriteLog.Acknowledged acknowledged : log.acknowledged())
            {
                onReference(
                    where, "acknowledged " + acknowledged, () -> acknowledged.write().replay(reference, acknowledged.result()));
            }
            final boolean wholeJournal = round / 2 % 2 == 1;
            try (TimelineEngine engine = TimelineEngine.open(CrashWorkload.config(dataDirectory, partitions).ignoreSnapshots(wholeJournal)))
            {
                settleInFlight(engine, log.uncertain(), where);
                assertSameState(engine, where);
            }
        }
        assertTrue(refusalChecked, "no child got as far as opening the directory");
    }

    private WriteLog runAndKill(final Path dataDirectory, final int round) throws IOException, InterruptedException
    {
        final int killAt = random.nextInt(10) == 0 ? 1 : 2 + random.nextInt(MAX_LINES);
        final Path errors = work.resolve("child-" + round + ".err");
        final Process child = new ProcessBuilder(command(dataDirectory, round)).redirectError(errors.toFile()).start();
        final WriteLog log = new WriteLog();
        try
        {
            final TerminatedLines lines = new TerminatedLines(child.getInputStream());
            while (log.lines() < killAt)
            {
                final String line = lines.next();
                if (line == null)
                {
                    fail("round " + round + ": the child ended by itself after " + log.lines() + " lines:\n" +
                        Files.readString(errors));
                }
                log.accept(line);
                if (!refusalChecked && "ready".equals(line))
                {
                    assertRefused(dataDirectory);
                    refusalChecked = true;
                }
            }
            // SIGKILL through the handle: Process.destroyForcibly would also close the pipe and lose the lines still in it
            child.toHandle().destroyForcibly();
            child.waitFor();
            for (String line = lines.next(); line != null; line = lines.next())
            {
                log.accept(line);
            }
        }
        finally
        {
            child.destroyForcibly();
        }
        return log;
    }

    private void assertRefused(final Path dataDirectory)
    {
        final DataDirectoryException refused = assertThrows(
            DataDirectoryException.class, () -> TimelineEngine.open(CrashWorkload.config(dataDirectory, partitions)).close());
        assertTrue(refused.getMessage().contains(dataDirectory.toString()), refused.getMessage());
    }

    private List<String> command(final Path dataDirectory, final int round)
    {
        final String flags = Objects.requireNonNull(
            System.getProperty("jvm.flags"), "the jvm.flags property, which the Maven build passes to tests");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(flags.trim().split("\\s+")));
        command.addAll(List.of(
            "-XX:MaxDirectMemorySize=1g", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
            CrashWorkload.class.getName(), dataDirectory.toString(), Long.toString(SEED), Long.toString(SEED * 1_000 + round),
            SyncMode.values()[round % SyncMode.values().length].name(), Integer.toString(partitions)));
        return command;
    }

    /**
     * Decides, from what the recovered engine holds, which of the writes in flight at the kill were
     * applied, and applies those to the reference. Writes from one thread are journaled in order, so
     * the applied posts must be the first of those in flight.
     */
    private void settleInFlight(final TimelineEngine engine, final List<Write> inFlight, final String where)
    {
        final Map<Long, Tweet> held = heldTweets(engine);
        final Iterator<Tweet> unexplained = held.values().stream().filter(tweet -> !reference.isLive(tweet.id())).iterator();
        final long follows = engine.stats().follows();
        for (final Write write : inFlight)
        {
            final long first = write.first();
            final long second = write.second();
            switch (write.kind())
            {
                case POST:
                    if (unexplained.hasNext())
                    {
                        final Tweet tweet = unexplained.next();
                        assertTrue(
                            tweet.author() == first && tweet.text().equals(write.text()),
                            where + ": holds " + tweet + " where the next post in flight was " + write);
                        onReference(where, "recovered " + tweet, () -> reference.post(tweet.id(), first, tweet.text()));
                    }
                    break;
                case DELETE:
                    if (reference.isLive(first) && !held.containsKey(first))
                    {
                        reference.delete(first);
                    }
                    break;
                case FOLLOW:
                    if (!reference.follows(first, second) && follows > reference.followCount())
                    {
                        reference.follow(first, second);
                    }
                    break;
                default:
                    if (reference.follows(first, second) && follows < reference.followCount())
                    {
                        reference.unfollow(first, second);
                    }
                    break;
            }
        }
        if (unexplained.hasNext())
        {
            fail(where + ": holds " + unexplained.next() + ", never acknowledged nor in flight; in flight were " + inFlight);
        }
    }

    private Map<Long, Tweet> heldTweets(final TimelineEngine engine)
    {
        final Map<Long, Tweet> held = new TreeMap<>();
        for (final long user : population.all())
        {
            Pages.all((limit, before) -> engine.tweets(user, limit, before)).forEach(tweet -> held.put(tweet.id(), tweet));
        }
        return held;
    }

    private void assertSameState(final TimelineEngine engine, final String where)
    {
        for (final long user : population.all())
        {
            ReferenceChecks.assertSameTimelines(reference, engine, user, where);
        }
        ReferenceChecks.assertSameCounts(reference, engine, where);
    }

    private static void onReference(final String where, final String what, final Runnable change)
    {
        try
        {
            change.run();
        }
        catch (final RuntimeException ex)
        {
            fail(where + ": " + what + " contradicts what was acknowledged before: " + ex.getMessage(), ex);
        }
    }
}
