package dev.timeline.engine.state;

import dev.timeline.engine.DiskFullException;
import dev.timeline.engine.MemoryLimitException;
import dev.timeline.engine.TimelineException;
import dev.timeline.engine.TweetNotFoundException;
import java.util.concurrent.CompletableFuture;

/**
 * The outcomes a feeder of the state machine gives the commands it took, and how they become return
 * values and the typed exceptions callers see, the same whichever way into the engine they came. A
 * refusal carries the feeder's message, which says what ran out and how to get more.
 */
public final class Outcomes
{
    public static final int OK = 0;
    public static final int TWEET_NOT_FOUND = 1;
    public static final int FAILED = 2;
    public static final int NOT_SYNCED = 3;
    public static final int ENGINE_MEMORY_LIMIT = 4;
    public static final int PROCESS_MEMORY_LIMIT = 5;
    public static final int INVALID = 6;
    public static final int DISK_FULL = 7;

    /** The value of an outcome that has none, so a {@code CompletableFuture<Void>} completes with null. */
    public static final long NO_VALUE = Long.MIN_VALUE;

    private Outcomes()
    {
    }

    /** The value of an {@link #OK} outcome, or the exception a caller sees for another. */
    public static long valueOrThrow(final int outcome, final long value, final String message)
    {
        if (outcome == OK)
        {
            return value;
        }
        throw failure(outcome, value, message);
    }

    /** Completes {@code future} with the value of an {@link #OK} outcome, or the exception of another. */
    @SuppressWarnings("unchecked")
    public static void complete(final CompletableFuture<?> future, final int outcome, final long value, final String message)
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

    private static RuntimeException failure(final int outcome, final long value, final String message)
    {
        return switch (outcome)
        {
            case INVALID -> new IllegalArgumentException(message);
            case TWEET_NOT_FOUND ->
                new TweetNotFoundException("no tweet with id " + value + " (never posted, or already deleted)");
            case NOT_SYNCED -> new TimelineException(
                "the write was applied but the journal could not be forced to storage; see the error log");
            case ENGINE_MEMORY_LIMIT -> new MemoryLimitException(message, false);
            case PROCESS_MEMORY_LIMIT -> new MemoryLimitException(message, true);
            case DISK_FULL -> new DiskFullException(message);
            default -> new TimelineException(message != null ? message :
                "the write failed inside the engine and changed nothing; see the error log");
        };
    }
}
