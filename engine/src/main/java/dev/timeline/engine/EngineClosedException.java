package dev.timeline.engine;

/** The engine is closed (or closing) and accepts no more calls. */
public final class EngineClosedException extends TimelineException
{
    private static final long serialVersionUID = 1L;

    public EngineClosedException(final String message)
    {
        super(message);
    }

    public EngineClosedException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
