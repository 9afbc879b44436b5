package dev.timeline.journal;

import org.agrona.DirectBuffer;

import static dev.timeline.journal.EventHeaderDescriptor.BODY_LENGTH_OFFSET;
import static dev.timeline.journal.EventHeaderDescriptor.BYTE_ORDER;
import static dev.timeline.journal.EventHeaderDescriptor.CHECKSUMMED_OFFSET;
import static dev.timeline.journal.EventHeaderDescriptor.CHECKSUM_OFFSET;
import static dev.timeline.journal.EventHeaderDescriptor.HEADER_LENGTH;
import static dev.timeline.journal.EventHeaderDescriptor.MAX_EVENT_LENGTH;
import static dev.timeline.journal.EventHeaderDescriptor.SEQUENCE_OFFSET;
import static dev.timeline.journal.EventHeaderDescriptor.TIME_OFFSET;
import static dev.timeline.journal.EventHeaderDescriptor.TYPE_OFFSET;
import static dev.timeline.journal.EventHeaderDescriptor.VERSION_1;
import static dev.timeline.journal.EventHeaderDescriptor.VERSION_OFFSET;

/**
 * Flyweight that reads one journal event in place. Check {@link #defect()} before trusting any field: it verifies
 * lengths and the checksum, so a damaged event is never decoded. Allocation-free unless an event is damaged;
 * not thread safe.
 */
public final class EventDecoder
{
    private final Crc32cChecksum checksum = new Crc32cChecksum(MAX_EVENT_LENGTH);
    private DirectBuffer buffer;
    private int offset;
    private int length;

    /**
     * Point the decoder at a stored event.
     *
     * @param buffer holding the event.
     * @param offset at which it begins.
     * @param length of the stored record.
     * @return this for a fluent API.
     */
    public EventDecoder wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /**
     * What is wrong with the wrapped event, if anything.
     *
     * @return null when the event is intact and of a known type and version, else a description fit for a user.
     */
    public String defect()
    {
        if (length < HEADER_LENGTH || length > MAX_EVENT_LENGTH)
        {
            return "record of " + length + " bytes cannot be an event (" + HEADER_LENGTH + " to " + MAX_EVENT_LENGTH +
                " bytes)";
        }

        if (HEADER_LENGTH + bodyLength() != length)
        {
            return "header gives a body of " + bodyLength() + " bytes but the record holds " + (length - HEADER_LENGTH);
        }

        final int stored = buffer.getInt(offset + CHECKSUM_OFFSET, BYTE_ORDER);
        final int computed = checksum.compute(buffer, offset + CHECKSUMMED_OFFSET, length - CHECKSUMMED_OFFSET);
        if (stored != computed)
        {
            return String.format("checksum mismatch (stored 0x%08x, computed 0x%08x)", stored, computed);
        }

        return typeDefect();
    }

    /**
     * @return the event type, one of {@link EventType}.
     */
    public int type()
    {
        return buffer.getByte(offset + TYPE_OFFSET);
    }

    /**
     * @return the body layout version.
     */
    public int version()
    {
        return buffer.getByte(offset + VERSION_OFFSET);
    }

    /**
     * @return the number of body bytes after the header.
     */
    public int bodyLength()
    {
        return buffer.getShort(offset + BODY_LENGTH_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * @return the dense sequence number of the event in its journal.
     */
    public long sequence()
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, BYTE_ORDER);
    }

    /**
     * @return the event time in milliseconds since the epoch.
     */
    public long time()
    {
        return buffer.getLong(offset + TIME_OFFSET, BYTE_ORDER);
    }

    /**
     * Deliver an intact event (see {@link #defect()}) to the handler; post text is passed in place.
     *
     * @param index   of the event in the journal.
     * @param handler to call.
     */
    public void dispatch(final long index, final JournalHandler handler)
    {
        switch (type())
        {
            case EventType.FOLLOW:
                handler.onFollow(index, time(), longAt(FollowEventDescriptor.FOLLOWER_OFFSET),
                    longAt(FollowEventDescriptor.FOLLOWEE_OFFSET));
                break;

            case EventType.UNFOLLOW:
                handler.onUnfollow(index, time(), longAt(FollowEventDescriptor.FOLLOWER_OFFSET),
                    longAt(FollowEventDescriptor.FOLLOWEE_OFFSET));
                break;

            case EventType.POST:
                handler.onPost(index, time(), longAt(PostEventDescriptor.TWEET_ID_OFFSET),
                    longAt(PostEventDescriptor.AUTHOR_OFFSET), buffer, offset + PostEventDescriptor.TEXT_OFFSET,
                    length - PostEventDescriptor.TEXT_OFFSET);
                break;

            case EventType.DELETE:
                handler.onDelete(index, time(), longAt(DeleteEventDescriptor.TWEET_ID_OFFSET));
                break;

            default:
                throw new IllegalStateException("cannot dispatch " + EventType.name(type()) + ": check defect() first");
        }
    }

    private String typeDefect()
    {
        final int type = type();
        final int expectedLength;
        switch (type)
        {
            case EventType.FOLLOW:
            case EventType.UNFOLLOW:
                expectedLength = FollowEventDescriptor.LENGTH;
                break;

            case EventType.POST:
                expectedLength = Math.max(length, PostEventDescriptor.TEXT_OFFSET);
                break;

            case EventType.DELETE:
                expectedLength = DeleteEventDescriptor.LENGTH;
                break;

            default:
                return "unknown event type " + type + ": this build reads types " + EventType.FOLLOW + " to " +
                    EventType.DELETE;
        }

        if (VERSION_1 != version())
        {
            return "unsupported version " + version() + " of " + EventType.name(type) + " events";
        }

        if (expectedLength != length)
        {
            return EventType.name(type) + " event of " + length + " bytes, expected " + expectedLength;
        }

        return null;
    }

    private long longAt(final int fieldOffset)
    {
        return buffer.getLong(offset + fieldOffset, BYTE_ORDER);
    }
}
