package dev.timeline.journal;

import net.openhft.chronicle.core.time.TimeProvider;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock by which the queue files appends into daily files: the time of the latest event appended,
 * never earlier than the journal's opening nor than an earlier event's. An event thus goes to the file
 * of its own time, and an append reads no system clock. Advanced by the appending thread only; read
 * by any thread that uses the queue.
 */
final class EventClock implements TimeProvider
{
    private final AtomicLong millis;

    /**
     * @param openingMillis the time at which the journal opens, the earliest the clock shows.
     */
    EventClock(final long openingMillis)
    {
        millis = new AtomicLong(openingMillis);
    }

    /** Appending thread only: an event of {@code eventMillis} is about to be appended. */
    void advanceTo(final long eventMillis)
    {
        if (eventMillis > millis.get())
        {
            millis.lazySet(eventMillis);
        }
    }

    @Override
    public long currentTimeMillis()
    {
        return millis.get();
    }
}
