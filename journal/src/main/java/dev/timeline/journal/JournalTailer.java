package dev.timeline.journal;

/**
 * Follows a journal as events are appended, from this or another process. One thread at a time.
 */
public final class JournalTailer implements AutoCloseable
{
    private final JournalReader reader;

    JournalTailer(final JournalReader reader)
    {
        this.reader = reader;
    }

    /**
     * Deliver the events appended since the last poll, up to {@code maxEvents}.
     *
     * @param handler   to deliver to.
     * @param maxEvents most events to deliver.
     * @return events delivered, 0 when caught up.
     * @throws JournalDamagedException if the next event is damaged; it is reported again on the next poll.
     */
    public int poll(final JournalHandler handler, final int maxEvents)
    {
        return reader.read(handler, maxEvents);
    }

    /**
     * @return the index the next poll reads from; pass it to {@link Journal#tailer(long)} or
     * {@link Journal#replay(long, JournalHandler)} to resume from here.
     */
    public long index()
    {
        return reader.nextIndex();
    }

    /**
     * Release the tailer's resources.
     */
    public void close()
    {
        reader.close();
    }
}
