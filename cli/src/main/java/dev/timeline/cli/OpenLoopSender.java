package dev.timeline.cli;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread of an open-loop load. Request {@code i} goes out at its scheduled time, however long
 * the requests before it took: a slow answer delays the requests after it, which then go out late
 * and back to back until the schedule is caught up, and every latency runs from the scheduled time,
 * so the delay is counted in each of them instead of being left out (no coordinated omission). Reads
 * are answered before the next request goes out; posts are handed to {@link PostOutcomes}, which
 * records them when they are acknowledged.
 * <p>
 * Requests due after the window's end are not sent. When the clock passes the window's give-up time
 * with measured requests still unsent, they are counted as unsent and the sender stops.
 * <p>
 * The sender keeps apart the time it spends on its own work (keeping the schedule, recording) and
 * inside the requests, so a load can tell whether the generator itself could keep up.
 */
final class OpenLoopSender implements Runnable
{
    private final PacingClock clock;
    private final Schedule schedule;
    private final RequestMix mix;
    private final LoadRequests requests;
    private final PostOutcomes posts;
    private final LoadWindow window;
    private final SingleWriterRecorder readLatency = new SingleWriterRecorder(3);
    private final AtomicLong nextIntendedNanos = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stopped;
    private long lastReadNanos = Long.MIN_VALUE;
    private long maxLagNanos;
    private long lagAtEndNanos;
    private long unsent;
    private long ownNanos;
    private long requestNanos;
    private long runningNanos;
    private long ownSince;

    OpenLoopSender(
        final PacingClock clock,
        final Schedule schedule,
        final RequestMix mix,
        final LoadRequests requests,
        final PostOutcomes posts,
        final LoadWindow window)
    {
        this.clock = clock;
        this.schedule = schedule;
        this.mix = mix;
        this.requests = requests;
        this.posts = posts;
        this.window = window;
        nextIntendedNanos.set(schedule.intendedNanos(0));
    }

    @Override
    public void run()
    {
        final long start = clock.nanoTime();
        ownSince = start;
        try
        {
            sendAll();
        }
        finally
        {
            runningNanos = clock.nanoTime() - start;
        }
    }

    private void sendAll()
    {
        long index = 0;
        long intended = schedule.intendedNanos(0);
        while (intended < window.untilNanos() && !stopped)
        {
            long now = clock.nanoTime();
            ownNanos += now - ownSince;
            if (now < intended)
            {
                clock.awaitUntil(intended);
                now = clock.nanoTime();
            }
            else if (now >= window.giveUpNanos())
            {
                unsent = measured() - measuredBefore(index);
                lagAtEndNanos = now - intended;
                return;
            }
            final long lag = now - intended;
            final boolean measured = intended >= window.fromNanos();
            if (measured)
            {
                maxLagNanos = Math.max(maxLagNanos, lag);
                lagAtEndNanos = lag;
            }
            send(index, intended, now, measured);
            intended = schedule.intendedNanos(++index);
            nextIntendedNanos.lazySet(intended);
            sent.lazySet(index);
        }
    }

    /** Makes the sender stop before its next request. */
    void stop()
    {
        stopped = true;
    }

    /** Requests sent so far, warm-up included. */
    long sent()
    {
        return sent.get();
    }

    /** How far the sender is behind its schedule at {@code nowNanos}: 0 when it waits for its next request. */
    long behindNanos(final long nowNanos)
    {
        return Math.max(0, nowNanos - nextIntendedNanos.get());
    }

    /** The read latencies recorded since the last call, in nanoseconds. */
    Histogram intervalReadLatency()
    {
        return readLatency.getIntervalHistogram();
    }

    /** Requests due in the measured window. */
    long measured()
    {
        return schedule.countBefore(window.untilNanos()) - schedule.countBefore(window.fromNanos());
    }

    /** Once the sender has finished: measured requests it gave up without sending. */
    long unsent()
    {
        return unsent;
    }

    /** Once the sender has finished: how late the latest measured request went out, or how far behind it gave up. */
    long lagAtEndNanos()
    {
        return lagAtEndNanos;
    }

    /** Once the sender has finished: the most any measured request went out late. */
    long maxLagNanos()
    {
        return maxLagNanos;
    }

    /**
     * Once the sender has finished: the requests it sent and the time it spent on its own work, inside
     * the requests, and in all.
     */
    SenderTime time()
    {
        return new SenderTime(sent.get(), ownNanos, requestNanos, runningNanos);
    }

    /** Once the sender has finished: when its last measured read was answered, {@link Long#MIN_VALUE} if none was. */
    long lastReadNanos()
    {
        return lastReadNanos;
    }

    /** Sends request {@code index}, going out at {@code now}; from its return on, the time is the sender's own again. */
    private void send(final long index, final long intended, final long now, final boolean measured)
    {
        if (mix.isPost(index))
        {
            final CompletableFuture<?> post = requests.post();
            answered(now);
            posts.track(post, intended, measured);
        }
        else
        {
            requests.read();
            answered(now);
            if (measured)
            {
                lastReadNanos = ownSince;
                readLatency.recordValue(lastReadNanos - intended);
            }
        }
    }

    private void answered(final long sentNanos)
    {
        ownSince = clock.nanoTime();
        requestNanos += ownSince - sentNanos;
    }

    private long measuredBefore(final long index)
    {
        return Math.max(0, index - schedule.countBefore(window.fromNanos()));
    }
}
