package dev.timeline.journal;

import java.nio.ByteOrder;

import static org.agrona.BitUtil.SIZE_OF_BYTE;
import static org.agrona.BitUtil.SIZE_OF_INT;
import static org.agrona.BitUtil.SIZE_OF_LONG;
import static org.agrona.BitUtil.SIZE_OF_SHORT;

/**
 * Layout of the header that starts every journal event. All fields are little-endian.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      Checksum (CRC-32C)                       |
 *  +---------------+---------------+-------------------------------+
 *  |     Type      |    Version    |          Body Length          |
 *  +---------------+---------------+-------------------------------+
 *  |                           Sequence                            |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                         Time (epoch ms)                       |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                         Body (per type)                      ...
 * ...                                                              |
 *  +---------------------------------------------------------------+
 * </pre>
 * The checksum covers every byte after it, from the type to the end of the body, so a damaged header or body is
 * detected before any field is trusted. The sequence numbers events densely from 0 at the start of the journal, so
 * a missing stretch of events (a truncated or removed file) shows as a gap. The version is that of the body layout
 * for the type; the body length is the number of bytes after the header.
 */
public final class EventHeaderDescriptor
{
    /**
     * Byte order of every field of an event.
     */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    /**
     * Offset of the CRC-32C of the bytes from {@link #CHECKSUMMED_OFFSET} to the end of the body.
     */
    public static final int CHECKSUM_OFFSET = 0;

    /**
     * Offset at which the checksummed bytes begin.
     */
    public static final int CHECKSUMMED_OFFSET = CHECKSUM_OFFSET + SIZE_OF_INT;

    /**
     * Offset of the event type byte, one of {@link EventType}.
     */
    public static final int TYPE_OFFSET = CHECKSUMMED_OFFSET;

    /**
     * Offset of the body layout version byte.
     */
    public static final int VERSION_OFFSET = TYPE_OFFSET + SIZE_OF_BYTE;

    /**
     * Offset of the unsigned 16-bit body length.
     */
    public static final int BODY_LENGTH_OFFSET = VERSION_OFFSET + SIZE_OF_BYTE;

    /**
     * Offset of the 64-bit dense event sequence number.
     */
    public static final int SEQUENCE_OFFSET = BODY_LENGTH_OFFSET + SIZE_OF_SHORT;

    /**
     * Offset of the event time in milliseconds since the epoch, as given by the caller.
     */
    public static final int TIME_OFFSET = SEQUENCE_OFFSET + SIZE_OF_LONG;

    /**
     * Length of the header; the body begins here.
     */
    public static final int HEADER_LENGTH = TIME_OFFSET + SIZE_OF_LONG;

    /**
     * Body layout version written by this format.
     */
    public static final int VERSION_1 = 1;

    /**
     * Longest event of this format: a post with the longest text.
     */
    public static final int MAX_EVENT_LENGTH = PostEventDescriptor.length(PostEventDescriptor.MAX_TEXT_LENGTH);

    private EventHeaderDescriptor()
    {
    }
}
