package dev.timeline.engine.state;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A deleted tweet's bit, and only its, is set, across words and chunks. */
class DeletedBitsTest
{
    @Test
    void eachSetBitIsTheOnlyOneSetAcrossWordsAndChunks()
    {
        final DeletedBits bits = new DeletedBits(7);
        final int tweets = 5 * 128;
        bits.ensure(tweets - 1);
        final int[] deleted = {0, 63, 64, 127, 128, 300, tweets - 1};
        for (final int tweet : deleted)
        {
            bits.set(tweet);
        }
        for (int tweet = 0; tweet < tweets; tweet++)
        {
            assertEquals(Arrays.binarySearch(deleted, tweet) >= 0, bits.isSet(tweet), "tweet " + tweet);
        }
    }
}
