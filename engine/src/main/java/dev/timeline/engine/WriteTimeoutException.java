package dev.timeline.engine;

/** The write was accepted but not acknowledged within the configured timeout. It may still be applied; its outcome is unknown to the caller. */
public final class WriteTimeoutException extends TimelineException
{
    private static final long serialVersionUID = 1L;

    public WriteTimeoutException(final String message)
    {
        super(message);
    }

    public WriteTimeoutException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
