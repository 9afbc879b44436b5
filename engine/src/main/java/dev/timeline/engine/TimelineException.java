package dev.timeline.engine;

/** Base of the typed failures the engine reports; the message is meant for the user. */
public class TimelineException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public TimelineException(final String message)
    {
        super(message);
    }

    public TimelineException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
