package dev.timeline.engine;

/**
 * Tweet ids: {@code millisSinceEpoch << 20 | sequence}, positive, unique, and increasing in the
 * order posts are acknowledged (several per millisecond borrow from the next one).
 */
public final class TweetIds
{
    /** Bits of the id below the millisecond. */
    public static final int SEQUENCE_BITS = 20;

    private TweetIds()
    {
    }

    /** The post time (milliseconds since the Unix epoch) encoded in {@code id}. */
    public static long timeMillis(final long id)
    {
        return id >>> SEQUENCE_BITS;
    }

    /** The smallest id that can encode {@code millis}. */
    public static long firstIdAt(final long millis)
    {
        return millis << SEQUENCE_BITS;
    }
}
