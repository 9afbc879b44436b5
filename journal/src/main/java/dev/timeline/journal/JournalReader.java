package dev.timeline.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;

/**
 * Reads events from a queue in order and delivers them to a {@link JournalHandler}, decoding each in place in the
 * memory-mapped file through an {@link UnsafeBuffer} over its address.
 * <p>
 * Nothing damaged is delivered: each event's lengths and checksum are verified, and its sequence number must follow
 * the previous one (and start at 0 at the start of the journal), so a missing stretch of events is detected too.
 * Damage raises a {@link JournalDamagedException} and leaves the reader before the damaged event, so it is reported
 * again rather than skipped. Failures inside Chronicle Queue are reported the same way. Allocation-free per event;
 * one thread at a time.
 */
final class JournalReader implements AutoCloseable
{
    private static final long UNKNOWN = -1;

    private final ExcerptTailer tailer;
    private final UnsafeBuffer eventBuffer = new UnsafeBuffer(0, 0);
    private final EventDecoder decoder = new EventDecoder();
    private long expectedSequence = UNKNOWN;
    private long lastReadIndex = UNKNOWN;

    /**
     * @param queue     to read.
     * @param fromIndex index of the first event to read: 0 or at most the first index means the start; the index
     *                  just after an event also works, so a reader can resume from {@link #nextIndex()}.
     * @throws JournalException if there is no such index.
     */
    JournalReader(final SingleChronicleQueue queue, final long fromIndex)
    {
        tailer = queue.createTailer();
        tailer.singleThreadedCheckDisabled(true);
        try
        {
            moveTo(queue, fromIndex);
        }
        catch (final JournalException ex)
        {
            tailer.close();
            throw ex;
        }
        catch (final RuntimeException | AssertionError | InternalError ex)
        {
            final JournalDamagedException damaged =
                damaged(fromIndex, JournalDamagedException.UNKNOWN_POSITION, "cannot read the queue: " + ex, ex);
            tailer.close();
            throw damaged;
        }
    }

    /**
     * Deliver up to {@code maxEvents} events.
     *
     * @param handler   to deliver to.
     * @param maxEvents most events to deliver.
     * @return events delivered: fewer than {@code maxEvents} when the end is reached.
     * @throws JournalDamagedException if the next event is damaged.
     */
    int read(final JournalHandler handler, final int maxEvents)
    {
        int delivered = 0;
        while (delivered < maxEvents && readOne(handler))
        {
            delivered++;
        }

        return delivered;
    }

    /**
     * Read the next event, verified but not delivered.
     *
     * @return its sequence number, or -1 at the end.
     * @throws JournalDamagedException if it is damaged.
     */
    long readSequence()
    {
        return readOne(null) ? expectedSequence - 1 : UNKNOWN;
    }

    /**
     * @return index of the last event read or skipped, or -1 when none was.
     */
    long lastReadIndex()
    {
        return lastReadIndex;
    }

    /**
     * @return index the next read starts from.
     */
    long nextIndex()
    {
        return tailer.index();
    }

    /**
     * @return the queue file being read, or null before the first.
     */
    File currentFile()
    {
        return tailer.currentFile();
    }

    public void close()
    {
        tailer.close();
    }

    private void moveTo(final SingleChronicleQueue queue, final long fromIndex)
    {
        if (fromIndex <= 0 || fromIndex <= queue.firstIndex())
        {
            tailer.toStart();
            expectedSequence = 0;
        }
        else if (!tailer.moveToIndex(fromIndex))
        {
            if (!tailer.moveToIndex(fromIndex - 1))
            {
                throw new JournalException("no event at index 0x" + Long.toHexString(fromIndex) + " in the journal in " +
                    queue.file() + " (its events run from 0x" + Long.toHexString(queue.firstIndex()) + " to 0x" +
                    Long.toHexString(queue.lastIndex()) + ")");
            }

            readOne(null);
        }
    }

    private boolean readOne(final JournalHandler handler)
    {
        final DocumentContext context = readingDocument();
        try
        {
            if (!context.isPresent())
            {
                return false;
            }

            final long index = context.index();
            verify(context, index);
            if (null != handler)
            {
                decoder.dispatch(index, handler);
            }
            expectedSequence = decoder.sequence() + 1;
            lastReadIndex = index;

            return true;
        }
        finally
        {
            context.close();
        }
    }

    private DocumentContext readingDocument()
    {
        try
        {
            return tailer.readingDocument();
        }
        catch (final RuntimeException | AssertionError | InternalError ex)
        {
            throw damaged(tailer.index(), JournalDamagedException.UNKNOWN_POSITION, "cannot read the queue: " + ex, ex);
        }
    }

    private void verify(final DocumentContext context, final long index)
    {
        long position = JournalDamagedException.UNKNOWN_POSITION;
        String defect;
        Throwable cause = null;
        try
        {
            final Bytes<?> bytes = context.wire().bytes();
            position = bytes.readPosition();
            final int length = (int)Math.min(bytes.readRemaining(), Integer.MAX_VALUE);
            eventBuffer.wrap(bytes.addressForRead(position, length), length);
            defect = decoder.wrap(eventBuffer, 0, length).defect();
            if (null == defect && UNKNOWN != expectedSequence && decoder.sequence() != expectedSequence)
            {
                defect = "event has sequence number " + decoder.sequence() + " where " + expectedSequence +
                    " was expected: " + sequenceGap(decoder.sequence());
            }
        }
        catch (final RuntimeException | AssertionError | InternalError ex)
        {
            defect = "cannot read the event: " + ex;
            cause = ex;
        }

        if (null != defect)
        {
            context.rollbackOnClose();
            throw damaged(index, position, defect, cause);
        }
    }

    private String sequenceGap(final long sequence)
    {
        return sequence > expectedSequence ?
            (sequence - expectedSequence) + " events are missing (a queue file was truncated or removed)" :
            "events are out of order";
    }

    private JournalDamagedException damaged(
        final long index, final long position, final String defect, final Throwable cause)
    {
        final File file = tailer.currentFile();
        return new JournalDamagedException(
            null == file ? null : file.toPath(), index, position, lastReadIndex, defect, cause);
    }
}
