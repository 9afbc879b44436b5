package dev.timeline.engine.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One bit per tweet of a {@link TweetStore}, set once the tweet is deleted, so that a read checks a
 * tweet in memory 256 times denser than its 32-byte record, which then need not be touched at all.
 * Bits come in chunks of as many tweets as a chunk of records, grown with them.
 * <p>
 * Single writer: only the store's writer grows the chunks and sets bits. Readers on any thread test
 * the bits of tweets the store has published; a bit set before the writer released a later write is
 * seen by a reader that acquired it.
 */
final class DeletedBits
{
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final int shift;
    private final int mask;
    private volatile long[][] chunks = new long[0][];

    /** Bits in chunks of {@code 1 << shift} tweets, at least 64. */
    DeletedBits(final int shift)
    {
        this.shift = shift;
        this.mask = (1 << shift) - 1;
    }

    /** Writer only: grows the chunks to hold the bit of {@code tweet}. */
    void ensure(final int tweet)
    {
        final int chunk = tweet >>> shift;
        while (chunk >= chunks.length)
        {
            final long[][] grown = Arrays.copyOf(chunks, chunks.length + 1);
            grown[chunks.length] = new long[1 << shift >>> 6];
            chunks = grown;
        }
    }

    /** Writer only: marks {@code tweet} deleted; its chunk must have been {@link #ensure ensured}. */
    void set(final int tweet)
    {
        final long[] words = chunks[tweet >>> shift];
        final int word = (tweet & mask) >>> 6;
        WORDS.setRelease(words, word, words[word] | 1L << tweet);
    }

    /** Whether {@code tweet}, one the store has published, is deleted. */
    boolean isSet(final int tweet)
    {
        final long[] words = chunks[tweet >>> shift];
        return ((long)WORDS.getAcquire(words, (tweet & mask) >>> 6) & 1L << tweet) != 0;
    }

    /** Writer only: forgets every bit, for a store emptied. */
    void clear()
    {
        chunks = new long[0][];
    }
}
