package dev.timeline.engine;

import java.util.concurrent.CompletableFuture;

/** Turns the writer's outcome codes into return values and the typed exceptions callers see. */
final class Outcomes
{
    /** The value of an outcome that has none, so a {@code CompletableFuture<Void>} completes with null. */
    static final long NO_VALUE = Long.MIN_VALUE;

    private Outcomes()
    {
    }

    static long valueOrThrow(final int outcome, final long value)
    {
        if (outcome == AckSlots.OK)
        {
            return value;
        }
        throw failure(outcome, value);
    }

    @SuppressWarnings("unchecked")
    static void complete(final CompletableFuture<?> future, final int outcome, final long value)
    {
        if (outcome == AckSlots.OK)
        {
            ((CompletableFuture<Object>)future).complete(value == NO_VALUE ? null : value);
        }
        else
        {
            future.completeExceptionally(failure(outcome, value));
        }
    }

    private static TimelineException failure(final int outcome, final long value)
    {
        if (outcome == AckSlots.TWEET_NOT_FOUND)
        {
            return new TweetNotFoundException("no tweet with id " + value + " (never posted, or already deleted)");
        }
        if (outcome == AckSlots.NOT_SYNCED)
        {
            return new TimelineException(
                "the write was applied but the journal could not be forced to storage; see the error log");
        }
        return new TimelineException("the write failed inside the engine and changed nothing; see the error log");
    }
}
