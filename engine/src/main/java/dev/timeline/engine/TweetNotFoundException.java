package dev.timeline.engine;

/** A delete named a tweet id the engine does not hold (never posted, or already deleted). */
public final class TweetNotFoundException extends TimelineException
{
    private static final long serialVersionUID = 1L;

    public TweetNotFoundException(final String message)
    {
        super(message);
    }

    public TweetNotFoundException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
