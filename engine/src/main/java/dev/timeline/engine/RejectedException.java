package dev.timeline.engine;

/**
 * The write was not accepted and changed nothing, now or later: the inbox is full, too many writes
 * are in flight, or, as a subclass says, the engine is out of disk ({@link DiskFullException}) or
 * memory ({@link MemoryLimitException}). Reads go on meanwhile; retry later.
 */
public class RejectedException extends TimelineException
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
