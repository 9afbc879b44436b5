package dev.timeline.cli;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop load from several threads, each an {@link OpenLoopSender} with its share of the rate,
 * their schedules interleaved so that together they send at the plan's rate. Every second, the
 * latencies of that second are written to the {@link IntervalLog} and added to the totals, and a
 * progress line goes to stderr. The measured window starts after the warm-up; requests still unsent
 * when it ends are sent late, for at most as long again, so their latencies count too.
 */
final class OpenLoopLoad
{
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Time for the threads to start before the first request is due. */
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How often the reporting thread looks whether the senders are done. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LoadPlan plan;
    private final PacingClock clock;
    private final IntFunction<LoadRequests> requests;
    private final PostOutcomes posts;
    private final List<OpenLoopSender> senders = new ArrayList<>();
    private final Histogram readTotals = new Histogram(3);
    private final Histogram postTotals = new Histogram(3);
    private volatile RuntimeException failure;
    private long startNanos;
    private LoadWindow window;
    private long collectedNanos;
    private long reportedSent;
    private long reportedNanos;
    private Histogram intervalReads;
    private Histogram intervalPosts;

    /**
     * @param requests makes the requests of sending thread {@code i}, from 0.
     */
    OpenLoopLoad(final LoadPlan plan, final PacingClock clock, final IntFunction<LoadRequests> requests)
    {
        this.plan = plan;
        this.clock = clock;
        this.requests = requests;
        this.posts = new PostOutcomes(clock);
    }

    /**
     * Runs the load to its end and waits for every post to be acknowledged; once.
     *
     * @param log         where the latencies of each second go, from the start of the measured window.
     * @param settleNanos how long to wait for the last posts' acknowledgements.
     * @throws RuntimeException the first failure of a request other than a rejected post.
     */
    LoadResult run(final IntervalLog log, final ProgressLine progress, final long settleNanos)
        throws InterruptedException
    {
        final List<Thread> threads = start(log);
        long tick = 1;
        while (alive(threads))
        {
            final long now = clock.nanoTime();
            if (now >= startNanos + tick * TICK_NANOS)
            {
                progress.show(report(tick++, now, log));
            }
            LockSupport.parkNanos(Math.min(POLL_NANOS, startNanos + tick * TICK_NANOS - now));
        }
        for (final Thread thread : threads)
        {
            thread.join();
        }
        progress.clear();
        if (failure != null)
        {
            throw failure;
        }
        awaitPosts(settleNanos);
        collect(clock.nanoTime(), log);
        return result();
    }

    private List<Thread> start(final IntervalLog log)
    {
        startNanos = clock.nanoTime() + START_DELAY_NANOS;
        final long from = startNanos + plan.warmupNanos();
        window = new LoadWindow(from, from + plan.durationNanos(), from + 2 * plan.durationNanos());
        collectedNanos = from;
        reportedNanos = startNanos;
        log.start(System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(from - clock.nanoTime()));
        final double interval = 1e9 / plan.perSecond();
        for (int i = 0; i < plan.threads(); i++)
        {
            final Schedule schedule = new Schedule(startNanos + (long)(i * interval), plan.perSecond() / (double)plan.threads());
            senders.add(new OpenLoopSender(clock, schedule, plan.mix(), requests.apply(i), posts, window));
        }
        final List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++)
        {
            final OpenLoopSender sender = senders.get(i);
            final Thread thread = new Thread(() -> send(sender), "load-sender-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    private void send(final OpenLoopSender sender)
    {
        try
        {
            sender.run();
        }
        catch (final RuntimeException ex)
        {
            failure = ex;
            senders.forEach(OpenLoopSender::stop);
        }
    }

    private static boolean alive(final List<Thread> threads)
    {
        for (final Thread thread : threads)
        {
            if (thread.isAlive())
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Collects the second that ends with tick {@code tick}, once measuring, and says how the load goes:
     * the requests sent in that second, warm-up or not, the measured answers and how far behind it is.
     */
    private String report(final long tick, final long now, final IntervalLog log)
    {
        long behind = 0;
        long sent = 0;
        for (final OpenLoopSender sender : senders)
        {
            behind = Math.max(behind, sender.behindNanos(now));
            sent += sender.sent();
        }
        final String sending = "   sent " + Format.rate(sent - reportedSent, now - reportedNanos) + "/s";
        final String lag = "   " + Format.latency(behind) + " behind schedule";
        reportedSent = sent;
        reportedNanos = now;
        if (tick <= plan.warmupSeconds())
        {
            return "warming up: " + tick + " / " + plan.warmupSeconds() + " s" + sending + lag;
        }
        final long intervalNanos = now - collectedNanos;
        collect(now, log);
        if (now > window.untilNanos())
        {
            return "measured " + plan.durationSeconds() + " s; sending the requests still due" + sending + lag;
        }
        return "measuring: " + (tick - plan.warmupSeconds()) + " / " + plan.durationSeconds() + " s" + sending +
            interval("home reads", intervalReads, intervalNanos) + interval("posts", intervalPosts, intervalNanos) + lag;
    }

    private static String interval(final String name, final Histogram latency, final long intervalNanos)
    {
        return "   " + name + " " + Format.rate(latency.getTotalCount(), intervalNanos) + "/s p99 " +
            Format.latency(latency.getValueAtPercentile(99));
    }

    /** Writes the latencies recorded since the last collection to the log and adds them to the totals. */
    private void collect(final long now, final IntervalLog log)
    {
        intervalReads = new Histogram(3);
        for (final OpenLoopSender sender : senders)
        {
            intervalReads.add(sender.intervalReadLatency());
        }
        intervalPosts = posts.intervalLatency();
        log.write((collectedNanos - window.fromNanos()) / 1e9, (now - window.fromNanos()) / 1e9,
            intervalReads, intervalPosts);
        readTotals.add(intervalReads);
        postTotals.add(intervalPosts);
        collectedNanos = now;
    }

    private void awaitPosts(final long settleNanos)
    {
        final long deadline = clock.nanoTime() + settleNanos;
        while (!posts.allSettled())
        {
            if (clock.nanoTime() > deadline)
            {
                throw new CliException("posts not acknowledged " + Format.latency(settleNanos) + " after the load ended");
            }
            LockSupport.parkNanos(POLL_NANOS / 10);
        }
        final Throwable postFailure = posts.failure();
        if (postFailure instanceof RuntimeException)
        {
            throw (RuntimeException)postFailure;
        }
        if (postFailure != null)
        {
            throw new IllegalStateException("a post failed", postFailure);
        }
    }

    private LoadResult result()
    {
        long scheduled = 0;
        long unsent = 0;
        long maxLag = 0;
        long lagAtEnd = 0;
        long lastAnswer = posts.lastAcknowledgedNanos();
        SenderTime time = SenderTime.NONE;
        for (final OpenLoopSender sender : senders)
        {
            time = time.plus(sender.time());
            scheduled += sender.measured();
            unsent += sender.unsent();
            maxLag = Math.max(maxLag, sender.maxLagNanos());
            lagAtEnd = Math.max(lagAtEnd, sender.lagAtEndNanos());
            lastAnswer = Math.max(lastAnswer, sender.lastReadNanos());
        }
        return new LoadResult(plan, readTotals, postTotals, scheduled, unsent, posts.rejected(), maxLag, lagAtEnd,
            Math.max(window.untilNanos(), lastAnswer) - window.fromNanos(), time);
    }
}
