package dev.timeline.cli;

import dev.timeline.engine.RejectedException;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.workload.OperationStream;
import dev.timeline.workload.UserIds;
import dev.timeline.workload.Workload;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

/**
 * Posting threads and home-reading threads working on one engine at the same time, each as fast as
 * it can (closed loop: latency is the time each call took), with per-thread latency histograms.
 */
final class MixedLoad
{
    /** Tweets each home read asks for. */
    static final int READ_LIMIT = 20;

    private final List<Worker> posters = new ArrayList<>();
    private final List<Worker> readers = new ArrayList<>();
    private volatile boolean running = true;
    private long elapsedNanos;

    /**
     * @param followers the number of followers of each user index, to count deliveries.
     */
    MixedLoad(
        final TimelineEngine engine,
        final Workload workload,
        final IntUnaryOperator followers,
        final int posterCount,
        final int readerCount)
    {
        for (int i = 0; i < posterCount; i++)
        {
            posters.add(new Poster(engine, workload, i, followers));
        }
        for (int i = 0; i < readerCount; i++)
        {
            readers.add(new Reader(engine, workload, posterCount + i));
        }
    }

    /** Runs every thread for {@code durationNanos}, showing progress, and waits for them to finish. */
    void run(final long durationNanos, final ProgressLine progress) throws InterruptedException
    {
        final List<Thread> threads = new ArrayList<>();
        startAll(posters, "demo-poster-", threads);
        startAll(readers, "demo-reader-", threads);
        final long start = System.nanoTime();
        long now = start;
        while (now - start < durationNanos && !failed())
        {
            TimeUnit.MILLISECONDS.sleep(50);
            now = System.nanoTime();
            if (progress.due())
            {
                progress.show(String.format("posting and reading: %4.1f / %d s   posts %s (%s/s)   home reads %s (%s/s)",
                    (now - start) / 1e9, TimeUnit.NANOSECONDS.toSeconds(durationNanos),
                    Format.count(operations(posters)), Format.rate(operations(posters), now - start),
                    Format.count(operations(readers)), Format.rate(operations(readers), now - start)));
            }
        }
        running = false;
        for (final Thread thread : threads)
        {
            thread.join();
        }
        elapsedNanos = System.nanoTime() - start;
        progress.clear();
        for (final Worker worker : all())
        {
            if (worker.failure != null)
            {
                throw worker.failure;
            }
        }
    }

    long elapsedNanos()
    {
        return elapsedNanos;
    }

    long posts()
    {
        return operations(posters);
    }

    long reads()
    {
        return operations(readers);
    }

    /** Posts times the followers of their authors: the home timelines the posts appeared in. */
    long deliveries()
    {
        long deliveries = 0;
        for (final Worker poster : posters)
        {
            deliveries += ((Poster)poster).deliveries;
        }
        return deliveries;
    }

    /** Posts that found the inbox full and were retried. */
    long rejections()
    {
        long rejections = 0;
        for (final Worker poster : posters)
        {
            rejections += ((Poster)poster).rejections;
        }
        return rejections;
    }

    Histogram postLatency()
    {
        return merged(posters);
    }

    Histogram readLatency()
    {
        return merged(readers);
    }

    private List<Worker> all()
    {
        final List<Worker> all = new ArrayList<>(posters);
        all.addAll(readers);
        return all;
    }

    private boolean failed()
    {
        for (final Worker worker : all())
        {
            if (worker.failure != null)
            {
                return true;
            }
        }
        return false;
    }

    private void startAll(final List<Worker> workers, final String name, final List<Thread> threads)
    {
        for (int i = 0; i < workers.size(); i++)
        {
            final Thread thread = new Thread(workers.get(i), name + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private static long operations(final List<Worker> workers)
    {
        long operations = 0;
        for (final Worker worker : workers)
        {
            operations += worker.operations.get();
        }
        return operations;
    }

    private static Histogram merged(final List<Worker> workers)
    {
        final Histogram merged = new Histogram(3);
        for (final Worker worker : workers)
        {
            merged.add(worker.latency);
        }
        return merged;
    }

    /** One thread's loop: draw an operation, time it, count it. */
    private abstract class Worker implements Runnable
    {
        final Histogram latency = new Histogram(3);
        final AtomicLong operations = new AtomicLong();
        final OperationStream stream;
        volatile RuntimeException failure;

        Worker(final Workload workload, final int stream, final double readFraction)
        {
            this.stream = workload.operations(stream, readFraction);
        }

        @Override
        public void run()
        {
            try
            {
                long count = 0;
                while (running)
                {
                    stream.next();
                    final long start = System.nanoTime();
                    if (operate())
                    {
                        latency.recordValue(System.nanoTime() - start);
                        operations.lazySet(++count);
                    }
                }
            }
            catch (final RuntimeException ex)
            {
                failure = ex;
            }
        }

        /** Carries out the current operation of {@link #stream}; false if it was turned away. */
        abstract boolean operate();
    }

    private final class Poster extends Worker
    {
        private final TimelineEngine engine;
        private final UserIds userIds;
        private final IntUnaryOperator followers;
        long deliveries;
        long rejections;

        Poster(final TimelineEngine engine, final Workload workload, final int stream, final IntUnaryOperator followers)
        {
            super(workload, stream, 0);
            this.engine = engine;
            this.userIds = workload.userIds();
            this.followers = followers;
        }

        @Override
        boolean operate()
        {
            try
            {
                engine.post(stream.user(), stream.text());
            }
            catch (final RejectedException ex)
            {
                rejections++;
                Thread.yield();
                return false;
            }
            deliveries += followers.applyAsInt(userIds.indexOf(stream.user()));
            return true;
        }
    }

    private final class Reader extends Worker
    {
        private final TimelineEngine engine;
        private final TimelineBuffer buffer = new TimelineBuffer();

        Reader(final TimelineEngine engine, final Workload workload, final int stream)
        {
            super(workload, stream, 1);
            this.engine = engine;
        }

        @Override
        boolean operate()
        {
            engine.home(stream.user(), READ_LIMIT, Long.MAX_VALUE, buffer);
            return true;
        }
    }
}
