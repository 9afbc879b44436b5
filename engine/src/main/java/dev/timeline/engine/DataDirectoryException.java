package dev.timeline.engine;

/** A data directory cannot be used: it is locked by another engine, was written with incompatible settings, or its journal is damaged. */
public final class DataDirectoryException extends TimelineException
{
    private static final long serialVersionUID = 1L;

    public DataDirectoryException(final String message)
    {
        super(message);
    }

    public DataDirectoryException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
