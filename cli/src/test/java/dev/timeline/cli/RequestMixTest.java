package dev.timeline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestMixTest
{
    @Test
    void twitter2012HasItsProportionInEveryRun()
    {
        final RequestMix mix = new RequestMix(300_000, 4_600);
        assertEquals(4_600, posts(mix, 0, 304_600), "the whole pattern");
        assertEquals(46_000, posts(mix, 0, 3_046_000), "ten patterns");
        for (final long start : new long[]{ 0, 17, 123_456, 10_000_000_000L })
        {
            final long posts = posts(mix, start, 1_000_000);
            assertTrue(Math.abs(posts - 1_000_000L * 4_600 / 304_600.0) <= 1, "a million requests from " + start + ": " + posts);
        }
        assertEquals(1, posts(mix, 0, 67), "the posts are spread out: one in the first 67 requests");
    }

    @Test
    void oneKindAlone()
    {
        assertEquals(0, posts(new RequestMix(1, 0), 0, 1000));
        assertEquals(1000, posts(new RequestMix(0, 1), 0, 1000));
        assertEquals(500, posts(new RequestMix(1, 1), 0, 1000));
    }

    @Test
    void parsesReadsToPosts()
    {
        final RequestMix mix = new RequestMix.Converter().convert("300000:4600");
        assertEquals(300_000, mix.reads());
        assertEquals(4_600, mix.posts());
        assertEquals("300000:4600", mix.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "3", "3:", ":3", "a:b", "0:0", "-1:2", "1:2:3", "2000000000:1" })
    void refusesAnythingElse(final String value)
    {
        final TypeConversionException ex =
            assertThrows(TypeConversionException.class, () -> new RequestMix.Converter().convert(value));
        assertTrue(ex.getMessage().contains("300000:4600"), ex.getMessage());
    }

    private static long posts(final RequestMix mix, final long start, final long count)
    {
        long posts = 0;
        for (long i = start; i < start + count; i++)
        {
            posts += mix.isPost(i) ? 1 : 0;
        }
        return posts;
    }
}
