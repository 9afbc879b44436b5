package dev.timeline.journal;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.zip.CRC32C;

import static dev.timeline.journal.EventHeaderDescriptor.BYTE_ORDER;
import static dev.timeline.journal.EventHeaderDescriptor.CHECKSUMMED_OFFSET;
import static dev.timeline.journal.EventHeaderDescriptor.CHECKSUM_OFFSET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCodecTest
{
    private static final int OFFSET = 8;

    private final EventEncoder encoder = new EventEncoder();
    private final EventDecoder decoder = new EventDecoder();

    @Test
    void roundTripsEveryTypeOnAndOffHeap()
    {
        final UnsafeBuffer heap = new UnsafeBuffer(new byte[4096]);
        final UnsafeBuffer direct = new UnsafeBuffer(BufferUtil.allocateDirectAligned(4096, 64));
        final UnsafeBuffer text = new UnsafeBuffer(RecordingHandler.utf8("a tweet ✓"));

        for (final UnsafeBuffer buffer : List.of(heap, direct))
        {
            final RecordingHandler handler = new RecordingHandler();
            decode(buffer, encoder.wrap(buffer, OFFSET).encodeFollow(0, 10, 1, Long.MAX_VALUE), handler, 0);
            decode(buffer, encoder.wrap(buffer, OFFSET).encodeUnfollow(1, 11, 1, 2), handler, 1);
            decode(buffer, encoder.wrap(buffer, OFFSET).encodePost(2, 12, 3, 4, text, 0, text.capacity()), handler, 2);
            decode(buffer, encoder.wrap(buffer, OFFSET).encodeDelete(3, -13, 3), handler, 3);

            assertEquals(List.of(
                RecordingHandler.follow(10, 1, Long.MAX_VALUE),
                RecordingHandler.unfollow(11, 1, 2),
                RecordingHandler.post(12, 3, 4, "a tweet ✓"),
                RecordingHandler.delete(-13, 3)), handler.events);
        }
    }

    @Test
    void layoutIsLittleEndianWithCrc32cOverEverythingAfterTheChecksum()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final int length = encoder.wrap(buffer, 0).encodeDelete(5, 6, 7);

        assertEquals(32, length);
        assertEquals(EventType.DELETE, buffer.getByte(EventHeaderDescriptor.TYPE_OFFSET));
        assertEquals(1, buffer.getByte(EventHeaderDescriptor.VERSION_OFFSET));
        assertEquals(8, buffer.getShort(EventHeaderDescriptor.BODY_LENGTH_OFFSET, BYTE_ORDER));
        assertEquals(5, buffer.getLong(EventHeaderDescriptor.SEQUENCE_OFFSET, BYTE_ORDER));
        assertEquals(6, buffer.getLong(EventHeaderDescriptor.TIME_OFFSET, BYTE_ORDER));
        assertEquals(7, buffer.getLong(DeleteEventDescriptor.TWEET_ID_OFFSET, BYTE_ORDER));

        final CRC32C crc = new CRC32C();
        crc.update(buffer.byteArray(), CHECKSUMMED_OFFSET, length - CHECKSUMMED_OFFSET);
        assertEquals((int)crc.getValue(), buffer.getInt(CHECKSUM_OFFSET, BYTE_ORDER));
    }

    @Test
    void everyFlippedBitIsADefect()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final UnsafeBuffer text = new UnsafeBuffer(RecordingHandler.utf8("abc"));
        final int length = encoder.wrap(buffer, 0).encodePost(1, 2, 3, 4, text, 0, 3);

        for (int bit = 0; bit < length * 8; bit++)
        {
            flip(buffer, bit);
            assertTrue(null != decoder.wrap(buffer, 0, length).defect(), "bit " + bit);
            flip(buffer, bit);
        }
        assertNull(decoder.wrap(buffer, 0, length).defect());
    }

    @Test
    void unknownTypeOrVersionIsADefectEvenWithAValidChecksum()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final int length = encoder.wrap(buffer, 0).encodeDelete(1, 2, 3);

        buffer.putByte(EventHeaderDescriptor.TYPE_OFFSET, (byte)99);
        reseal(buffer, length);
        assertEquals("unknown event type 99: this build reads types 1 to 4", decoder.wrap(buffer, 0, length).defect());

        buffer.putByte(EventHeaderDescriptor.TYPE_OFFSET, (byte)EventType.DELETE);
        buffer.putByte(EventHeaderDescriptor.VERSION_OFFSET, (byte)2);
        reseal(buffer, length);
        assertEquals("unsupported version 2 of DELETE events", decoder.wrap(buffer, 0, length).defect());
    }

    @Test
    void lengthsThatDisagreeAreDefects()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final int length = encoder.wrap(buffer, 0).encodeFollow(1, 2, 3, 4);

        assertEquals("record of 10 bytes cannot be an event (24 to 1160 bytes)", decoder.wrap(buffer, 0, 10).defect());
        assertEquals("header gives a body of 16 bytes but the record holds 8",
            decoder.wrap(buffer, 0, length - 8).defect());

        buffer.putByte(EventHeaderDescriptor.TYPE_OFFSET, (byte)EventType.DELETE);
        reseal(buffer, length);
        assertEquals("DELETE event of 40 bytes, expected 32", decoder.wrap(buffer, 0, length).defect());
    }

    private void decode(final UnsafeBuffer buffer, final int length, final RecordingHandler handler, final long sequence)
    {
        decoder.wrap(buffer, OFFSET, length);
        assertNull(decoder.defect());
        assertEquals(sequence, decoder.sequence());
        decoder.dispatch(100 + sequence, handler);
        assertEquals(100 + sequence, handler.indexes.get(handler.indexes.size() - 1));
    }

    private static void flip(final UnsafeBuffer buffer, final int bit)
    {
        buffer.putByte(bit / 8, (byte)(buffer.getByte(bit / 8) ^ (1 << (bit % 8))));
    }

    private static void reseal(final UnsafeBuffer buffer, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(buffer.byteArray(), CHECKSUMMED_OFFSET, length - CHECKSUMMED_OFFSET);
        buffer.putInt(CHECKSUM_OFFSET, (int)crc.getValue(), BYTE_ORDER);
    }
}
