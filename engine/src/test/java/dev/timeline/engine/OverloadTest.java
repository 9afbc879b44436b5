package dev.timeline.engine;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Producers flood a small inbox with async posts. The engine answers with rejections instead of
 * queueing without bound, keeps the accepted posts outstanding within {@code maxInFlight}, and
 * holds exactly the acknowledged posts afterwards, also after a recovery.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OverloadTest
{
    private static final int PRODUCERS = 4;
    private static final int ATTEMPTS = Integer.getInteger("timeline.overload.attempts", 25_000);
    private static final int INBOX_BYTES = EngineConfig.MIN_INBOX_BYTES;

    @TempDir
    private Path dataDirectory;
    private int partitions;

    @ParameterizedTest(name = "maxInFlight {0}, texts of {1} code points, {2} partition(s)")
    @CsvSource({"8, 12, 1", "4096, 280, 1", "8, 12, 4"})
    void floodIsRejectedNotQueued(final int maxInFlight, final int codePoints, final int partitions) throws Exception
    {
        this.partitions = partitions;
        final Flood flood;
        try (TimelineEngine engine = TimelineEngine.open(config().maxInFlight(maxInFlight)))
        {
            flood = new Flood(engine, new String(Character.toChars(0x1F600)).repeat(codePoints));
            runProducers(author -> flood.produce(author, ATTEMPTS));
            flood.awaitAll();
            assertTrue(flood.rejected() > 0, "no post of " + PRODUCERS * ATTEMPTS + " was rejected");
            assertTrue(flood.acknowledged() > 0, "no post was acknowledged");
            assertEquals(PRODUCERS * (long)ATTEMPTS, flood.rejected() + flood.acknowledged());
            assertTrue(
                flood.maxPending() <= (long)maxInFlight * partitions + PRODUCERS,
                flood.maxPending() + " posts outstanding at once with maxInFlight " + maxInFlight + " per partition");
            assertHoldsExactly(engine, flood);
        }
        try (TimelineEngine recovered = TimelineEngine.open(config()))
        {
            assertHoldsExactly(recovered, flood);
        }
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 4})
    void closeDuringAFloodAcknowledgesEveryAcceptedPost(final int partitions) throws Exception
    {
        this.partitions = partitions;
        final TimelineEngine engine = TimelineEngine.open(config().maxInFlight(64));
        final Flood flood = new Flood(engine, "closing time");
        final Thread closer = new Thread(() ->
        {
            while (flood.acknowledged() < 1_000)
            {
                Thread.onSpinWait();
            }
            engine.close();
        });
        closer.start();
        runProducers(author -> flood.produce(author, Integer.MAX_VALUE));
        closer.join();
        flood.awaitAll();
        try (TimelineEngine recovered = TimelineEngine.open(config()))
        {
            assertHoldsExactly(recovered, flood);
        }
    }

    private EngineConfig config()
    {
        return new EngineConfig().dataDirectory(dataDirectory).partitions(partitions).inboxBytes(INBOX_BYTES);
    }

    private static void runProducers(final LongConsumer producer) throws Exception
    {
        final ExecutorService threads = Executors.newFixedThreadPool(PRODUCERS);
        try
        {
            final List<Future<?>> producers = new ArrayList<>();
            for (int i = 0; i < PRODUCERS; i++)
            {
                final long author = i;
                producers.add(threads.submit(() -> producer.accept(author)));
            }
            for (final Future<?> done : producers)
            {
                done.get();
            }
        }
        finally
        {
            threads.shutdown();
        }
    }

    private static void assertHoldsExactly(final TimelineEngine engine, final Flood flood)
    {
        for (long author = 0; author < PRODUCERS; author++)
        {
            final long user = author;
            final List<Long> held = Pages.all((limit, before) -> engine.tweets(user, limit, before))
                .stream().map(Tweet::id).toList();
            assertEquals(flood.acknowledgedNewestFirst(author), held, "tweets of producer " + author);
        }
    }
}
