package dev.timeline.engine;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Async posts submitted as fast as producer threads can, never waiting for an acknowledgement:
 * counts what was rejected, remembers what was acknowledged, and tracks how many accepted posts
 * were outstanding at once.
 */
final class Flood
{
    private final TimelineEngine engine;
    private final String text;
    private final LongAdder rejected = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger maxPending = new AtomicInteger();
    private final Map<Long, Set<Long>> acknowledgedIds = new ConcurrentHashMap<>();
    private final Queue<CompletableFuture<Long>> accepted = new ConcurrentLinkedQueue<>();

    Flood(final TimelineEngine engine, final String text)
    {
        this.engine = engine;
        this.text = text;
    }

    /** Submits up to {@code attempts} posts by {@code author}, stopping early once the engine refuses as closed. */
    void produce(final long author, final int attempts)
    {
        final Set<Long> ids = acknowledgedIds.computeIfAbsent(author, ignore -> ConcurrentHashMap.newKeySet());
        try
        {
            for (int i = 0; i < attempts; i++)
            {
                submit(author, ids);
            }
        }
        catch (final EngineClosedException ignore)
        {
            // the flood ends with the engine
        }
    }

    /** Waits for every accepted post; a post accepted and then failed, rather than rejected at once, fails this. */
    void awaitAll()
    {
        for (final CompletableFuture<Long> future : accepted)
        {
            future.join();
        }
    }

    long rejected()
    {
        return rejected.sum();
    }

    long acknowledged()
    {
        return acknowledged.sum();
    }

    /** Most accepted posts outstanding at once, give or take one a producer had not yet counted. */
    int maxPending()
    {
        return maxPending.get();
    }

    List<Long> acknowledgedNewestFirst(final long author)
    {
        return acknowledgedIds.getOrDefault(author, Set.of()).stream().sorted((a, b) -> Long.compare(b, a)).toList();
    }

    private void submit(final long author, final Set<Long> ids)
    {
        final CompletableFuture<Long> future;
        try
        {
            future = engine.postAsync(author, text);
        }
        catch (final RejectedException ex)
        {
            rejected.increment();
            return;
        }
        if (future.isCompletedExceptionally())
        {
            final Throwable failure = failureOf(future);
            if (failure instanceof EngineClosedException)
            {
                throw (EngineClosedException)failure;
            }
            if (failure instanceof RejectedException)
            {
                rejected.increment();
                return;
            }
        }
        maxPending.accumulateAndGet(pending.incrementAndGet(), Math::max);
        accepted.add(future.whenComplete((id, failure) ->
        {
            pending.decrementAndGet();
            if (failure == null)
            {
                ids.add(id);
                acknowledged.increment();
            }
        }));
    }

    private static Throwable failureOf(final CompletableFuture<Long> future)
    {
        try
        {
            future.join();
            return null;
        }
        catch (final CompletionException ex)
        {
            return ex.getCause();
        }
    }
}
