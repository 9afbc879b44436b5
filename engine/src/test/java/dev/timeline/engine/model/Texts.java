package dev.timeline.engine.model;

import dev.timeline.engine.Limits;

import java.util.Random;

/**
 * Random tweet texts that exercise the encoding: ASCII, spaces and tabs (leading and trailing too),
 * accented and CJK letters, combining marks, emoji outside the Basic Multilingual Plane, control
 * characters, and the longest text allowed.
 */
public final class Texts
{
    private static final int[] CODE_POINTS =
    {
        'a', 'Z', '7', ' ', '\t', '\n', '\r', 0, '"', '\\', ',', '#', '@',
        0xE9, 0xDF, 0x301, 0x4E2D, 0x6587, 0x200D, 0xFEFF, 0xFFFD, 0xFFFF,
        0x1F600, 0x1F469, 0x1D11E, 0x10FFFF
    };

    private Texts()
    {
    }

    /** A valid text: 1 to 280 code points, the bounds drawn often. */
    public static String next(final Random random)
    {
        final int roll = random.nextInt(10);
        final int length = roll == 0 ? 1 : roll == 1 ? Limits.MAX_TEXT_CODE_POINTS : 1 + random.nextInt(40);
        final StringBuilder text = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++)
        {
            text.appendCodePoint(random.nextInt(3) == 0 ?
                CODE_POINTS[random.nextInt(CODE_POINTS.length)] : 'a' + random.nextInt(26));
        }
        return text.toString();
    }

    /** An invalid text: empty, one code point too long, or broken UTF-16. */
    public static String invalid(final Random random)
    {
        switch (random.nextInt(5))
        {
            case 0:
                return "";
            case 1:
                return "x".repeat(Limits.MAX_TEXT_CODE_POINTS + 1);
            case 2:
                return new String(Character.toChars(0x1F600)).repeat(Limits.MAX_TEXT_CODE_POINTS + 1);
            case 3:
                return "lone high \uD83D surrogate";
            default:
                return "\uDE00 lone low surrogate";
        }
    }
}
