package dev.timeline.engine.model;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/**
 * What a call returned, or which exception it threw, so that the engine and the reference can be
 * compared call by call: equal values, or failures of the same class.
 */
public record Outcome(Object value, Class<? extends Throwable> failure, String message)
{
    public static Outcome of(final Callable<?> call)
    {
        try
        {
            return new Outcome(call.call(), null, null);
        }
        catch (final CompletionException ex)
        {
            return failed(ex.getCause());
        }
        catch (final Exception ex)
        {
            return failed(ex);
        }
    }

    public boolean sameAs(final Outcome other)
    {
        return failure == null ? other.failure == null && Objects.equals(value, other.value) : failure == other.failure;
    }

    public boolean succeeded()
    {
        return failure == null;
    }

    @Override
    public String toString()
    {
        return failure == null ? String.valueOf(value) : failure.getSimpleName() + ": " + message;
    }

    private static Outcome failed(final Throwable failure)
    {
        return new Outcome(null, failure.getClass(), failure.getMessage());
    }
}
