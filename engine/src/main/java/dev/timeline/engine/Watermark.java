package dev.timeline.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The largest tweet id whose batch the writer has finished applying. Released by the writer after
 * every batch and before its acknowledgements; acquired by readers at the start of every read, so a
 * read sees every write acknowledged before it began and no tweet of a batch still being applied.
 */
final class Watermark
{
    private static final VarHandle VISIBLE_ID;

    static
    {
        try
        {
            VISIBLE_ID = MethodHandles.lookup().findVarHandle(Watermark.class, "visibleId", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    @SuppressWarnings("unused")
    private long p01, p02, p03, p04, p05, p06, p07;
    private long visibleId;
    @SuppressWarnings("unused")
    private long p11, p12, p13, p14, p15, p16, p17;

    long visibleIdAcquire()
    {
        return (long)VISIBLE_ID.getAcquire(this);
    }

    /** Writer only, after a batch is applied. */
    void publish(final long lastTweetId)
    {
        VISIBLE_ID.setRelease(this, lastTweetId);
    }
}
