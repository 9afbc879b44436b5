package dev.timeline.engine.state;

import dev.timeline.engine.Limits;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.UnsafeApi;

/**
 * Checks tweet texts against the contract and encodes them as UTF-8 without allocating. The ASCII
 * characters a text begins with, all of most texts, take a fast path: one comparison each to
 * measure, and one bounds check for the lot to encode.
 */
public final class TweetText
{
    private TweetText()
    {
    }

    /**
     * The UTF-8 length of {@code text}.
     *
     * @throws IllegalArgumentException if it is empty, longer than {@link Limits#MAX_TEXT_CODE_POINTS}
     *                                  code points, or not valid Unicode (a lone surrogate).
     */
    public static int utf8Length(final CharSequence text)
    {
        if (text == null || text.length() == 0)
        {
            throw new IllegalArgumentException("text must not be empty");
        }
        final int n = text.length();
        final int ascii = asciiPrefix(text, n);
        int bytes = ascii;
        int codePoints = ascii;
        for (int i = ascii; i < n; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                bytes += 1;
            }
            else if (c < 0x800)
            {
                bytes += 2;
            }
            else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)))
            {
                bytes += 4;
                i++;
            }
            else if (Character.isSurrogate(c))
            {
                throw new IllegalArgumentException("text is not valid Unicode: lone surrogate at char " + i);
            }
            else
            {
                bytes += 3;
            }
            codePoints++;
        }
        if (codePoints > Limits.MAX_TEXT_CODE_POINTS)
        {
            throw new IllegalArgumentException(
                "text is " + codePoints + " code points, the most is " + Limits.MAX_TEXT_CODE_POINTS);
        }
        return bytes;
    }

    /**
     * Checks that {@code length} bytes at {@code offset} are a text the contract allows, as received
     * from another process: well-formed UTF-8 (no overlong forms, surrogates or code points past
     * U+10FFFF) of 1 to {@link Limits#MAX_TEXT_CODE_POINTS} code points.
     *
     * @throws IllegalArgumentException naming what is wrong.
     */
    public static void checkUtf8(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 1)
        {
            throw new IllegalArgumentException("text must not be empty");
        }
        int codePoints = 0;
        int i = offset;
        final int end = offset + length;
        while (i < end)
        {
            final int lead = buffer.getByte(i) & 0xFF;
            final int size = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
            if (size == 0 || i + size > end)
            {
                throw new IllegalArgumentException("text is not valid UTF-8 at byte " + (i - offset));
            }
            int codePoint = size == 1 ? lead : lead & (0xFF >> (size + 1));
            for (int k = 1; k < size; k++)
            {
                final int next = buffer.getByte(i + k) & 0xFF;
                if ((next & 0xC0) != 0x80)
                {
                    throw new IllegalArgumentException("text is not valid UTF-8 at byte " + (i - offset + k));
                }
                codePoint = codePoint << 6 | next & 0x3F;
            }
            if (size == 3 && (codePoint < 0x800 || Character.isSurrogate((char)codePoint)) ||
                size == 4 && (codePoint < 0x10000 || codePoint > Character.MAX_CODE_POINT))
            {
                throw new IllegalArgumentException("text is not valid UTF-8 at byte " + (i - offset));
            }
            i += size;
            codePoints++;
        }
        if (codePoints > Limits.MAX_TEXT_CODE_POINTS)
        {
            throw new IllegalArgumentException(
                "text is " + codePoints + " code points, the most is " + Limits.MAX_TEXT_CODE_POINTS);
        }
    }

    /**
     * Writes {@code text} as UTF-8 into at most {@code maxLength} bytes.
     *
     * @return the bytes written, or -1 if the text does not fit, is longer than
     * {@link Limits#MAX_TEXT_CODE_POINTS} code points or is not valid Unicode: a text that changed
     * since {@link #utf8Length} measured it.
     */
    public static int encode(final CharSequence text, final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        final int n = text.length();
        final int ascii = copyAsciiPrefix(
            text, Math.min(n, Math.min(maxLength, Limits.MAX_TEXT_CODE_POINTS)), buffer, offset);
        final int end = offset + maxLength;
        int at = offset + ascii;
        for (int i = ascii, codePoints = ascii + 1; i < n; i++, codePoints++)
        {
            final char c = text.charAt(i);
            if (codePoints > Limits.MAX_TEXT_CODE_POINTS)
            {
                return -1;
            }
            if (c < 0x80)
            {
                if (at + 1 > end)
                {
                    return -1;
                }
                buffer.putByte(at++, (byte)c);
            }
            else if (c < 0x800)
            {
                if (at + 2 > end)
                {
                    return -1;
                }
                buffer.putByte(at++, (byte)(0xC0 | (c >>> 6)));
                buffer.putByte(at++, (byte)(0x80 | (c & 0x3F)));
            }
            else if (Character.isSurrogate(c))
            {
                final char low = i + 1 < n ? text.charAt(i + 1) : 0;
                if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low) || at + 4 > end)
                {
                    return -1;
                }
                final int codePoint = Character.toCodePoint(c, low);
                i++;
                buffer.putByte(at++, (byte)(0xF0 | (codePoint >>> 18)));
                buffer.putByte(at++, (byte)(0x80 | ((codePoint >>> 12) & 0x3F)));
                buffer.putByte(at++, (byte)(0x80 | ((codePoint >>> 6) & 0x3F)));
                buffer.putByte(at++, (byte)(0x80 | (codePoint & 0x3F)));
            }
            else
            {
                if (at + 3 > end)
                {
                    return -1;
                }
                buffer.putByte(at++, (byte)(0xE0 | (c >>> 12)));
                buffer.putByte(at++, (byte)(0x80 | ((c >>> 6) & 0x3F)));
                buffer.putByte(at++, (byte)(0x80 | (c & 0x3F)));
            }
        }
        return at - offset;
    }

    /** How many of the first {@code limit} chars of {@code text} are ASCII, up to the first that is not. */
    private static int asciiPrefix(final CharSequence text, final int limit)
    {
        int i = 0;
        while (i < limit && text.charAt(i) < 0x80)
        {
            i++;
        }
        return i;
    }

    /**
     * Copies the ASCII chars {@code text} begins with, at most {@code limit}, to {@code offset} of
     * {@code buffer}, each char one byte, bounds checked once for the most it may copy.
     *
     * @return how many it copied.
     */
    private static int copyAsciiPrefix(
        final CharSequence text, final int limit, final MutableDirectBuffer buffer, final int offset)
    {
        buffer.boundsCheck(offset, limit);
        final byte[] array = buffer.byteArray();
        final long address = buffer.addressOffset() + offset;
        int i = 0;
        for (char c; i < limit && (c = text.charAt(i)) < 0x80; i++)
        {
            UnsafeApi.putByte(array, address + i, (byte)c);
        }
        return i;
    }
}
