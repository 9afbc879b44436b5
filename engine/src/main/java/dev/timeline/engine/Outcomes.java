package dev.timeline.engine;

import java.util.concurrent.CompletableFuture;

/**
 * The outcomes a writer gives the commands it took, and how they become return values and the typed
 * exceptions callers see. A refusal carries the writer's message, which says what ran out and how to
 * get more.
 */
final class Outcomes
{
    static final int OK = 0;
    static final int TWEET_NOT_FOUND = 1;
    static final int FAILED = 2;
    static final int NOT_SYNCED = 3;
    static final int MEMORY_LIMIT = 4;

    /** The value of an outcome that has none, so a {@code CompletableFuture<Void>} completes with null. */
    static final long NO_VALUE = Long.MIN_VALUE;

    private Outcomes()
    {
    }

    static long valueOrThrow(final int outcome, final long value, final String message)
    {
        if (outcome == OK)
        {
            return value;
        }
        throw failure(outcome, value, message);
    }

    @SuppressWarnings("unchecked")
    static void complete(final CompletableFuture<?> future, final int outcome, final long value, final String message)
    {
        if (outcome == OK)
        {
            ((CompletableFuture<Object>)future).complete(value == NO_VALUE ? null : value);
        }
        else
        {
            future.completeExceptionally(failure(outcome, value, message));
        }
    }

    private static TimelineException failure(final int outcome, final long value, final String message)
    {
        return switch (outcome)
        {
            case TWEET_NOT_FOUND ->
                new TweetNotFoundException("no tweet with id " + value + " (never posted, or already deleted)");
            case NOT_SYNCED -> new TimelineException(
                "the write was applied but the journal could not be forced to storage; see the error log");
            case MEMORY_LIMIT -> new MemoryLimitException(message);
            default -> new TimelineException("the write failed inside the engine and changed nothing; see the error log");
        };
    }
}
