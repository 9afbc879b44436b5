package dev.timeline.cli;

import dev.timeline.engine.RejectedException;
import dev.timeline.engine.TimelineBuffer;
import dev.timeline.engine.Timelines;
import dev.timeline.workload.AsyncWindow;
import dev.timeline.workload.OperationStream;
import dev.timeline.workload.Workload;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Posting threads and home-reading threads working on one engine, or any {@link Timelines}, at the same time. A poster keeps
 * up to {@link #POSTS_IN_FLIGHT} posts submitted and not yet acknowledged, as a busy service would,
 * so the writer can commit them in batches; a post's latency runs from its submission to its durable
 * acknowledgement. A reader reads one home timeline after another into its own buffer.
 */
final class MixedLoad
{
    /** Posts each posting thread keeps submitted but not yet acknowledged. */
    static final int POSTS_IN_FLIGHT = 64;
    /** Tweets each home read asks for. */
    static final int READ_LIMIT = 20;

    private final List<Poster> posters = new ArrayList<>();
    private final List<Reader> readers = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final Recorder postLatency = new Recorder(3);
    private final LongAdder posts = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private volatile boolean running = true;
    private long elapsedNanos;

    MixedLoad(final Timelines timelines, final Workload workload, final int posterCount, final int readerCount)
    {
        for (int i = 0; i < posterCount; i++)
        {
            posters.add(new Poster(timelines, workload, i));
        }
        for (int i = 0; i < readerCount; i++)
        {
            readers.add(new Reader(timelines, workload, posterCount + i));
        }
        workers.addAll(posters);
        workers.addAll(readers);
    }

    /** Runs every thread for {@code durationNanos}, showing progress, and waits for them to finish. */
    void run(final long durationNanos, final ProgressLine progress) throws InterruptedException
    {
        final List<Thread> threads = new ArrayList<>();
        for (final Worker worker : workers)
        {
            final Thread thread = new Thread(worker, worker.name);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
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
                    Format.count(posts()), Format.rate(posts(), now - start),
                    Format.count(reads()), Format.rate(reads(), now - start)));
            }
        }
        running = false;
        for (final Thread thread : threads)
        {
            thread.join();
        }
        elapsedNanos = System.nanoTime() - start;
        progress.clear();
        for (final Worker worker : workers)
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

    /** Posts acknowledged. */
    long posts()
    {
        return posts.sum();
    }

    long reads()
    {
        long reads = 0;
        for (final Reader reader : readers)
        {
            reads += reader.reads.get();
        }
        return reads;
    }

    /** Posts turned away by a full inbox, and not retried. */
    long rejections()
    {
        return rejections.sum();
    }

    Histogram postLatency()
    {
        return postLatency.getIntervalHistogram();
    }

    Histogram readLatency()
    {
        final Histogram merged = new Histogram(3);
        for (final Reader reader : readers)
        {
            merged.add(reader.latency);
        }
        return merged;
    }

    private boolean failed()
    {
        for (final Worker worker : workers)
        {
            if (worker.failure != null)
            {
                return true;
            }
        }
        return false;
    }

    /** One thread's loop over its own stream of operations. */
    private abstract class Worker implements Runnable
    {
        final String name;
        final OperationStream stream;
        volatile RuntimeException failure;

        Worker(final String name, final Workload workload, final int stream, final double readFraction)
        {
            this.name = name;
            this.stream = workload.operations(stream, readFraction);
        }

        @Override
        public void run()
        {
            try
            {
                while (running)
                {
                    stream.next();
                    operate();
                }
                finish();
            }
            catch (final RuntimeException ex)
            {
                failure = ex;
            }
        }

        /** Carries out the current operation of {@link #stream}. */
        abstract void operate();

        /** Waits for what is still under way once the run is over. */
        abstract void finish();
    }

    private final class Poster extends Worker
    {
        private final Timelines timelines;
        private final AsyncWindow inFlight = new AsyncWindow(POSTS_IN_FLIGHT);

        Poster(final Timelines timelines, final Workload workload, final int stream)
        {
            super("demo-poster-" + stream, workload, stream, 0);
            this.timelines = timelines;
        }

        @Override
        void operate()
        {
            final long start = System.nanoTime();
            inFlight.add(timelines.postAsync(stream.user(), stream.text())
                .handle((id, failure) -> acknowledged(start, failure)));
        }

        @Override
        void finish()
        {
            inFlight.awaitAll();
        }

        /** Counts a post's outcome; a rejection is counted and passed over, any other failure fails the run. */
        private Void acknowledged(final long start, final Throwable failure)
        {
            if (null == failure)
            {
                postLatency.recordValue(System.nanoTime() - start);
                posts.increment();
            }
            else if (failure instanceof RejectedException)
            {
                rejections.increment();
            }
            else
            {
                throw new CompletionException(failure);
            }
            return null;
        }
    }

    private final class Reader extends Worker
    {
        private final Timelines timelines;
        private final TimelineBuffer buffer = new TimelineBuffer();
        private final Histogram latency = new Histogram(3);
        private final AtomicLong reads = new AtomicLong();

        Reader(final Timelines timelines, final Workload workload, final int stream)
        {
            super("demo-reader-" + stream, workload, stream, 1);
            this.timelines = timelines;
        }

        @Override
        void operate()
        {
            final long start = System.nanoTime();
            timelines.home(stream.user(), READ_LIMIT, Long.MAX_VALUE, buffer);
            latency.recordValue(System.nanoTime() - start);
            reads.lazySet(reads.get() + 1);
        }

        @Override
        void finish()
        {
        }
    }
}
