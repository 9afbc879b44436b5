package dev.timeline.engine;

/** The inbox is full: the write was not accepted and changed nothing. Retry later or raise the inbox size. */
public final class RejectedException extends TimelineException
{
    private static final long serialVersionUID = 1L;

    public RejectedException(final String message)
    {
        super(message);
    }

    public RejectedException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
