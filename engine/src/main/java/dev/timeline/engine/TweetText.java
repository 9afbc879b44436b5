package dev.timeline.engine;

import org.agrona.MutableDirectBuffer;

/** Checks tweet texts against the contract and encodes them as UTF-8 without allocating. */
final class TweetText
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
    static int utf8Length(final CharSequence text)
    {
        if (text == null || text.length() == 0)
        {
            throw new IllegalArgumentException("text must not be empty");
        }
        int bytes = 0;
        int codePoints = 0;
        for (int i = 0, n = text.length(); i < n; i++)
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
     * Writes {@code text} as UTF-8 into at most {@code maxLength} bytes.
     *
     * @return the bytes written, or -1 if the text does not fit, is longer than
     * {@link Limits#MAX_TEXT_CODE_POINTS} code points or is not valid Unicode: a text that changed
     * since {@link #utf8Length} measured it.
     */
    static int encode(final CharSequence text, final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        final int end = offset + maxLength;
        int at = offset;
        for (int i = 0, n = text.length(), codePoints = 1; i < n; i++, codePoints++)
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
}
