package dev.timeline.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

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
 * Flyweight that writes one journal event at a time into a buffer, checksum last. The caller makes room for the
 * event's length first ({@link FollowEventDescriptor#LENGTH}, {@link PostEventDescriptor#length(int)},
 * {@link DeleteEventDescriptor#LENGTH}). Allocation-free; not thread safe.
 */
public final class EventEncoder
{
    private final Crc32cChecksum checksum = new Crc32cChecksum(MAX_EVENT_LENGTH);
    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point the encoder at where the next event goes.
     *
     * @param buffer to write into.
     * @param offset at which the event begins.
     * @return this for a fluent API.
     */
    public EventEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * Encode a {@link EventType#FOLLOW} event.
     *
     * @param sequence of the event in the journal.
     * @param time     in milliseconds since the epoch.
     * @param follower user who follows.
     * @param followee user followed.
     * @return length of the encoded event.
     */
    public int encodeFollow(final long sequence, final long time, final long follower, final long followee)
    {
        return encodeFollowing(EventType.FOLLOW, sequence, time, follower, followee);
    }

    /**
     * Encode an {@link EventType#UNFOLLOW} event.
     *
     * @param sequence of the event in the journal.
     * @param time     in milliseconds since the epoch.
     * @param follower user who unfollows.
     * @param followee user unfollowed.
     * @return length of the encoded event.
     */
    public int encodeUnfollow(final long sequence, final long time, final long follower, final long followee)
    {
        return encodeFollowing(EventType.UNFOLLOW, sequence, time, follower, followee);
    }

    /**
     * Encode a {@link EventType#POST} event.
     *
     * @param sequence   of the event in the journal.
     * @param time       in milliseconds since the epoch.
     * @param tweetId    of the new tweet.
     * @param author     user who posted it.
     * @param text       buffer holding the UTF-8 text.
     * @param textOffset of the text in {@code text}.
     * @param textLength in bytes, at most {@link PostEventDescriptor#MAX_TEXT_LENGTH}.
     * @return length of the encoded event.
     */
    public int encodePost(
        final long sequence,
        final long time,
        final long tweetId,
        final long author,
        final DirectBuffer text,
        final int textOffset,
        final int textLength)
    {
        final int length = PostEventDescriptor.length(textLength);
        header(EventType.POST, sequence, time, length);
        buffer.putLong(offset + PostEventDescriptor.TWEET_ID_OFFSET, tweetId, BYTE_ORDER);
        buffer.putLong(offset + PostEventDescriptor.AUTHOR_OFFSET, author, BYTE_ORDER);
        buffer.putBytes(offset + PostEventDescriptor.TEXT_OFFSET, text, textOffset, textLength);
        return seal(length);
    }

    /**
     * Encode a {@link EventType#DELETE} event.
     *
     * @param sequence of the event in the journal.
     * @param time     in milliseconds since the epoch.
     * @param tweetId  of the deleted tweet.
     * @return length of the encoded event.
     */
    public int encodeDelete(final long sequence, final long time, final long tweetId)
    {
        header(EventType.DELETE, sequence, time, DeleteEventDescriptor.LENGTH);
        buffer.putLong(offset + DeleteEventDescriptor.TWEET_ID_OFFSET, tweetId, BYTE_ORDER);
        return seal(DeleteEventDescriptor.LENGTH);
    }

    private int encodeFollowing(
        final int type, final long sequence, final long time, final long follower, final long followee)
    {
        header(type, sequence, time, FollowEventDescriptor.LENGTH);
        buffer.putLong(offset + FollowEventDescriptor.FOLLOWER_OFFSET, follower, BYTE_ORDER);
        buffer.putLong(offset + FollowEventDescriptor.FOLLOWEE_OFFSET, followee, BYTE_ORDER);
        return seal(FollowEventDescriptor.LENGTH);
    }

    private void header(final int type, final long sequence, final long time, final int length)
    {
        buffer.putByte(offset + TYPE_OFFSET, (byte)type);
        buffer.putByte(offset + VERSION_OFFSET, (byte)VERSION_1);
        buffer.putShort(offset + BODY_LENGTH_OFFSET, (short)(length - HEADER_LENGTH), BYTE_ORDER);
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, BYTE_ORDER);
        buffer.putLong(offset + TIME_OFFSET, time, BYTE_ORDER);
    }

    private int seal(final int length)
    {
        final int crc = checksum.compute(buffer, offset + CHECKSUMMED_OFFSET, length - CHECKSUMMED_OFFSET);
        buffer.putInt(offset + CHECKSUM_OFFSET, crc, BYTE_ORDER);
        return length;
    }
}
