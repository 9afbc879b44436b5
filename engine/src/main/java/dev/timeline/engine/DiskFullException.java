package dev.timeline.engine;

/**
 * The journal's filesystem has no room for the write: it was refused before anything was written,
 * so it changed nothing and never appears later. Writes resume by themselves once space is freed.
 */
public final class DiskFullException extends RejectedException
{
    private static final long serialVersionUID = 1L;

    public DiskFullException(final String message)
    {
        super(message);
    }

    public DiskFullException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
