package dev.timeline.journal;

/**
 * A journal cannot be opened, read or written. The message names the directory or file, the position where it
 * applies, and what is wrong, in words fit to show a user.
 */
public class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where.
     */
    public JournalException(final String message)
    {
        super(message);
    }

    /**
     * @param message what is wrong and where.
     * @param cause   the underlying failure.
     */
    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
