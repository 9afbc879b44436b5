package dev.timeline.cli;

import dev.timeline.engine.Timelines;
import dev.timeline.workload.AsyncWindow;
import dev.timeline.workload.OperationStream;
import dev.timeline.workload.Workload;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts at a steady rate into any {@link Timelines}, from one thread: post {@code i} is due
 * {@code i / rate} seconds after the start, and at most {@link #IN_FLIGHT} are unacknowledged. While
 * they cannot be acknowledged, as while a cluster elects a new leader, the posts wait and then go out
 * late, back to back, until the schedule is caught up. Counts acknowledgements and failures, the
 * longest a post waited for its acknowledgement, and when the first post sent after a moment marked
 * (a kill) was acknowledged. The counts may be read from any thread.
 */
final class PacedPosts implements Runnable
{
    /** Posts sent and not yet acknowledged, at most. */
    static final int IN_FLIGHT = 256;

    private final Timelines timelines;
    private final OperationStream posts;
    private final long perSecond;
    private final long count;
    private final AtomicLong sent = new AtomicLong();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAccumulator longestWaitNanos = new LongAccumulator(Math::max, 0);
    private final LongAccumulator firstAckAfterMarkNanos = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private volatile long markNanos = Long.MAX_VALUE;

    /**
     * @param stream which of the workload's operation streams the posts come from.
     * @param count  how many posts in all.
     */
    PacedPosts(final Timelines timelines, final Workload workload, final int stream, final long perSecond, final long count)
    {
        this.timelines = timelines;
        this.posts = workload.operations(stream, 0);
        this.perSecond = perSecond;
        this.count = count;
    }

    /** Sends every post on its schedule, then waits until each is acknowledged or failed. */
    @Override
    public void run()
    {
        final AsyncWindow window = new AsyncWindow(IN_FLIGHT);
        final long start = System.nanoTime();
        for (long i = 0; i < count; i++)
        {
            final long due = start + i * TimeUnit.SECONDS.toNanos(1) / perSecond;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime())
            {
                LockSupport.parkNanos(wait);
            }
            posts.next();
            final long sentNanos = System.nanoTime();
            window.add(timelines.postAsync(posts.user(), posts.text()).handle((id, failure) -> answered(sentNanos, failure)));
            sent.lazySet(i + 1);
        }
        window.awaitAll();
    }

    /** Marks now, {@link System#nanoTime()}, as the moment after which the first acknowledgement is timed. */
    long mark()
    {
        markNanos = System.nanoTime();
        return markNanos;
    }

    long sent()
    {
        return sent.get();
    }

    long acknowledged()
    {
        return acknowledged.sum();
    }

    long failed()
    {
        return failed.sum();
    }

    /** Why the first failed post failed, or null. */
    Throwable firstFailure()
    {
        return firstFailure.get();
    }

    /** The longest a post waited for its acknowledgement, in nanoseconds. */
    long longestWaitNanos()
    {
        return longestWaitNanos.get();
    }

    /**
     * When the first post sent after the {@link #mark()} was acknowledged, as {@link System#nanoTime()},
     * or {@link Long#MAX_VALUE} if none was yet.
     */
    long firstAckAfterMarkNanos()
    {
        return firstAckAfterMarkNanos.get();
    }

    private Void answered(final long sentNanos, final Throwable failure)
    {
        final long now = System.nanoTime();
        if (failure != null)
        {
            firstFailure.compareAndSet(null, failure);
            failed.increment();
            return null;
        }
        acknowledged.increment();
        longestWaitNanos.accumulate(now - sentNanos);
        if (sentNanos >= markNanos)
        {
            firstAckAfterMarkNanos.accumulate(now);
        }
        return null;
    }
}
