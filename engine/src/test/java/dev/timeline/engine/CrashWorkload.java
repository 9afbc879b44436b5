package dev.timeline.engine;

import dev.timeline.engine.model.Population;
import dev.timeline.engine.model.Texts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * The child JVM of {@link EngineCrashTest}: opens a data directory and writes to it at random until
 * it is killed. It prints {@code opening}, then {@code ready}, then {@code begin <n> <write>} before
 * submitting each write and {@code ack <n> <result>} once the write is acknowledged, flushing each
 * line, so that the parent knows exactly which writes were acknowledged before the kill.
 * <p>
 * Snapshots are frequent, so kills land while one is written and recoveries replay the journal after one.
 * <p>
 * With one partition up to {@link #MAX_BURST} writes are in flight at once, and a kill leaves some
 * prefix of them applied. With several, writes in flight together in different partitions may be
 * applied in any combination, which the parent cannot tell apart from outside, so writes go one at
 * a time.
 * <p>
 * Arguments: data directory, population seed, workload seed, {@link SyncMode}, partitions.
 */
public final class CrashWorkload
{
    static final int USERS = 12;
    private static final int MAX_BURST = 4;
    private static final int MAX_STEPS = 1_000_000;

    private final PrintStream out = System.out;
    private final List<Long> liveIds = new ArrayList<>();
    private final Population population;
    private final Random random;
    private final int maxBurst;
    private long serial;

    private CrashWorkload(final Population population, final Random random, final int maxBurst)
    {
        this.maxBurst = maxBurst;
        this.population = population;
        this.random = random;
    }

    public static void main(final String[] args)
    {
        final Path dataDirectory = Path.of(args[0]);
        final int partitions = Integer.parseInt(args[4]);
        final CrashWorkload workload = new CrashWorkload(
            population(Long.parseLong(args[1])), new Random(Long.parseLong(args[2])), partitions == 1 ? MAX_BURST : 1);
        workload.print("opening");
        final EngineConfig config = config(dataDirectory, partitions).syncMode(SyncMode.valueOf(args[3]));
        try (TimelineEngine engine = TimelineEngine.open(config))
        {
            workload.run(engine);
        }
    }

    static EngineConfig config(final Path dataDirectory, final int partitions)
    {
        return new EngineConfig()
            .dataDirectory(dataDirectory)
            .partitions(partitions)
            .timelineCapacity(4)
            .celebrityThreshold(3)
            .snapshotInterval(64);
    }

    static Population population(final long seed)
    {
        return new Population(new Random(seed), USERS);
    }

    private void run(final TimelineEngine engine)
    {
        for (final long user : population.all())
        {
            Pages.all((limit, before) -> engine.tweets(user, limit, before)).forEach(tweet -> liveIds.add(tweet.id()));
        }
        print("ready");
        for (int step = 0; step < MAX_STEPS; step++)
        {
            final int roll = random.nextInt(100);
            final long follower = population.any(random);
            final long followee = population.popular(random);
            if (roll < 30 && follower != followee)
            {
                write(engine, List.of(new Write(roll < 20 ? Write.Kind.FOLLOW : Write.Kind.UNFOLLOW, follower, followee, "")));
            }
            else if (roll < 45 && !liveIds.isEmpty())
            {
                write(engine, List.of(Write.delete(liveIds.get(random.nextInt(liveIds.size())))));
            }
            else
            {
                final List<Write> burst = new ArrayList<>();
                for (int i = 1 + random.nextInt(maxBurst); i > 0; i--)
                {
                    burst.add(Write.post(population.popular(random), Texts.next(random)));
                }
                write(engine, burst);
            }
        }
    }

    /** Submits every write before waiting for any, so that several are in flight when the kill comes. */
    private void write(final TimelineEngine engine, final List<Write> writes)
    {
        final long first = serial;
        final List<CompletableFuture<Long>> acks = new ArrayList<>();
        for (final Write write : writes)
        {
            print("begin " + serial++ + " " + write.encode());
            acks.add(write.submit(engine));
        }
        for (int i = 0; i < writes.size(); i++)
        {
            final long result = acks.get(i).join();
            final Write write = writes.get(i);
            if (write.kind() == Write.Kind.POST)
            {
                liveIds.add(result);
            }
            else if (write.kind() == Write.Kind.DELETE)
            {
                liveIds.remove(Long.valueOf(write.first()));
            }
            print("ack " + (first + i) + " " + result);
        }
    }

    private void print(final String line)
    {
        out.println(line);
        out.flush();
        if (out.checkError())
        {
            System.exit(2);
        }
    }
}
