package dev.timeline.engine.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The largest tweet id below which every post is applied and delivered in every partition: raised by
 * the writers before they acknowledge those posts, acquired by readers at the start of every read,
 * so a read sees every write acknowledged before it began and no tweet still being applied or
 * delivered anywhere.
 */
public final class Watermark
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

    /** The watermark now: every tweet at or below it is applied and delivered everywhere. */
    public long visibleIdAcquire()
    {
        return (long)VISIBLE_ID.getAcquire(this);
    }

    /** Any writer: raises the watermark to {@code visibleId} unless it is higher already. */
    public void advanceTo(final long visibleId)
    {
        long current = (long)VISIBLE_ID.getAcquire(this);
        while (visibleId > current)
        {
            final long witness = (long)VISIBLE_ID.compareAndExchangeRelease(this, current, visibleId);
            if (witness == current)
            {
                return;
            }
            current = witness;
        }
    }
}
