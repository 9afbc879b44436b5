package dev.timeline.engine;

import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write the writer does not acknowledge in time gives the caller a typed timeout, not a hang;
 * the write stays accepted and is applied once the writer gets to it, and its slot is reused.
 * Time moves only when the test moves it, so a slow machine cannot time out a write that should not.
 */
class WriteTimeoutTest
{
    @TempDir
    Path directory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStalledWriterTimesOutTheCallerAndAppliesTheWriteLater() throws InterruptedException
    {
        final CountDownLatch stall = new CountDownLatch(1);
        final CountDownLatch stalled = new CountDownLatch(1);
        final AtomicLong nanoTime = new AtomicLong();
        final EngineConfig config = new EngineConfig()
            .dataDirectory(directory)
            .maxInFlight(1)
            .writeTimeout(Duration.ofMillis(200))
            .nanoClock(nanoTime::get)
            .idleStrategy(() -> new StallOnce(stall, stalled));
        try (TimelineEngine engine = TimelineEngine.open(config))
        {
            stalled.await();
            final CompletableFuture<Void> follow = CompletableFuture.runAsync(() -> engine.follow(1, 2));
            while (!follow.isDone())
            {
                nanoTime.addAndGet(TimeUnit.SECONDS.toNanos(1));
                Thread.onSpinWait();
            }
            final CompletionException failed = assertThrows(CompletionException.class, follow::join);
            final WriteTimeoutException timeout = assertInstanceOf(WriteTimeoutException.class, failed.getCause());
            assertTrue(timeout.getMessage().contains("may still be applied"), timeout.getMessage());
            final RejectedException busy = assertThrows(RejectedException.class, () -> engine.post(2, "no slot"));
            assertTrue(busy.getMessage().contains("in flight"), busy.getMessage());

            stall.countDown();
            final long id = postOnceASlotIsFree(engine);
            assertEquals(id, engine.home(1, 20).get(0).id(), "the timed-out follow was applied");
        }
    }

    /**
     * The abandoned follow holds the only slot until the writer acknowledges it into the void. The
     * clock stands still meanwhile, so this post cannot time out.
     */
    private static long postOnceASlotIsFree(final TimelineEngine engine)
    {
        while (true)
        {
            try
            {
                return engine.post(2, "after the stall");
            }
            catch (final RejectedException stillInFlight)
            {
                Thread.onSpinWait();
            }
        }
    }

    /** Blocks the writer in its first idle until released, then lets it spin. */
    private static final class StallOnce implements IdleStrategy
    {
        private final CountDownLatch stall;
        private final CountDownLatch stalled;

        StallOnce(final CountDownLatch stall, final CountDownLatch stalled)
        {
            this.stall = stall;
            this.stalled = stalled;
        }

        @Override
        public void idle(final int workCount)
        {
            if (workCount == 0)
            {
                idle();
            }
        }

        @Override
        public void idle()
        {
            stalled.countDown();
            try
            {
                stall.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void reset()
        {
        }
    }
}
