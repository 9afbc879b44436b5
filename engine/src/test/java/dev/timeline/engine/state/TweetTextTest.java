package dev.timeline.engine.state;

import dev.timeline.engine.Limits;
import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tweet texts are measured and encoded exactly, and a text that changes while it is posted is refused. */
class TweetTextTest
{
    @TempDir
    Path directory;

    @Test
    void encodesAsTheJdkDoes()
    {
        final String text = "a\té€😀 \u0000end";
        final byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        assertEquals(expected.length, TweetText.utf8Length(text));
        assertEquals(expected.length, TweetText.encode(text, buffer, 3, expected.length));
        final byte[] written = new byte[expected.length];
        buffer.getBytes(3, written);
        assertEquals(text, new String(written, StandardCharsets.UTF_8));
    }

    @Test
    void encodesAsTheJdkDoesWhereverTheAsciiRunEnds()
    {
        final String[] tails = {"", "é", "€", "😀", "é€😀 tail", "\u007F\u0080"};
        for (int ascii = 0; ascii <= 140; ascii += 7)
        {
            for (final String tail : tails)
            {
                final String text = "Posting about timelines. ".repeat(6).substring(0, ascii) + tail;
                if (text.isEmpty())
                {
                    continue;
                }
                final byte[] expected = text.getBytes(StandardCharsets.UTF_8);
                final UnsafeBuffer buffer = new UnsafeBuffer(new byte[expected.length + 2]);
                assertEquals(expected.length, TweetText.utf8Length(text), text);
                assertEquals(expected.length, TweetText.encode(text, buffer, 1, expected.length), text);
                final byte[] written = new byte[expected.length];
                buffer.getBytes(1, written);
                assertArrayEquals(expected, written, text);
                assertEquals(0, buffer.getByte(0));
                assertEquals(0, buffer.getByte(expected.length + 1));
                assertEquals(-1, TweetText.encode(text, buffer, 1, expected.length - 1), "one byte short: " + text);
                assertEquals(0, buffer.getByte(expected.length + 1));
            }
        }
    }

    @Test
    void allowsAtMost280CodePointsWhateverTheirWidth()
    {
        for (final String unit : new String[] {"a", "é", "😀"})
        {
            for (final String prefix : new String[] {"", "a".repeat(100)})
            {
                final int units = Limits.MAX_TEXT_CODE_POINTS - prefix.length();
                final String longest = prefix + unit.repeat(units);
                final int length = longest.getBytes(StandardCharsets.UTF_8).length;
                assertEquals(length, TweetText.utf8Length(longest));
                assertEquals(length, TweetText.encode(longest, new UnsafeBuffer(new byte[2048]), 0, 2048));
                final String tooLong = longest + unit;
                final IllegalArgumentException thrown = assertThrows(
                    IllegalArgumentException.class, () -> TweetText.utf8Length(tooLong));
                assertTrue(thrown.getMessage().contains("281 code points"), thrown.getMessage());
                assertEquals(-1, TweetText.encode(tooLong, new UnsafeBuffer(new byte[2048]), 0, 2048));
            }
        }
    }

    @Test
    void neverWritesPastTheLengthItWasGiven()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
        assertEquals(-1, TweetText.encode("ééé", buffer, 0, 5));
        assertEquals(-1, TweetText.encode("😀", buffer, 0, 3));
        assertEquals(-1, TweetText.encode("a\uD800", buffer, 0, 8), "a lone surrogate");
        assertEquals(-1, TweetText.encode("a".repeat(Limits.MAX_TEXT_CODE_POINTS + 1), new UnsafeBuffer(new byte[512]), 0, 512));
        assertEquals(-1, TweetText.encode("abcdefghi", buffer, 0, 8), "ASCII, one byte too long");
        assertThrows(IndexOutOfBoundsException.class, () -> TweetText.encode("abc", buffer, 6, 3), "past the buffer");
    }

    @Test
    void aTextChangingWhilePostedIsRefusedAndNothingIsPosted()
    {
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(directory)))
        {
            final IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class, () -> engine.post(1, new GrowingText(280)));
            assertTrue(thrown.getMessage().contains("changed"), thrown.getMessage());
            assertEquals(List.of(), engine.tweets(1, 20));
            assertEquals(0, engine.stats().tweets());
            final long id = engine.post(1, "still works");
            assertEquals(id, engine.tweets(1, 20).get(0).id());
        }
    }

    /** Reads as ASCII while it is measured, then its characters turn two bytes long. */
    private static final class GrowingText implements CharSequence
    {
        private final int length;
        private int reads;

        GrowingText(final int length)
        {
            this.length = length;
        }

        @Override
        public int length()
        {
            return length;
        }

        @Override
        public char charAt(final int index)
        {
            return reads++ < length ? 'a' : 'é';
        }

        @Override
        public CharSequence subSequence(final int start, final int end)
        {
            throw new UnsupportedOperationException("not needed");
        }
    }

    @Test
    void receivedBytesAreCheckedAsStrictUtf8OfAtMost280CodePoints()
    {
        for (final String text : List.of("a", "héllo wörld", "東京 🚀👍🏽", "\t tabs \t", "😀".repeat(Limits.MAX_TEXT_CODE_POINTS)))
        {
            final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            TweetText.checkUtf8(new UnsafeBuffer(bytes), 0, bytes.length);
        }
        final List<byte[]> invalid = List.of(
            new byte[0],
            new byte[] {(byte)0x80},
            new byte[] {(byte)0xC0, (byte)0x80},
            new byte[] {(byte)0xE0, (byte)0x80, (byte)0x80},
            new byte[] {(byte)0xED, (byte)0xA0, (byte)0x80},
            new byte[] {(byte)0xF4, (byte)0x90, (byte)0x80, (byte)0x80},
            new byte[] {(byte)0xE6, (byte)0x9D},
            "a".repeat(Limits.MAX_TEXT_CODE_POINTS + 1).getBytes(StandardCharsets.UTF_8));
        for (final byte[] bytes : invalid)
        {
            assertThrows(IllegalArgumentException.class, () -> TweetText.checkUtf8(new UnsafeBuffer(bytes), 0, bytes.length),
                Arrays.toString(bytes));
        }
    }
}
