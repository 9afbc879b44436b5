package dev.timeline.engine.state;

import dev.timeline.engine.Limits;
import dev.timeline.engine.Tweet;
import dev.timeline.engine.TweetIds;
import org.agrona.DirectBuffer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tweets one timeline read found, newest first: ids and authors in arrays sized for the largest
 * read, and where each UTF-8 text is, reused from read to read so that reading allocates nothing.
 * Filled by {@link TimelineReader}; a {@link TweetPage} copies the texts into a buffer of its own, a
 * {@link TweetViews} points at them where the engine keeps them.
 * <p>
 * Not thread-safe: one list per reading thread.
 */
public abstract class TweetList
{
    private final long[] ids = new long[Limits.MAX_LIMIT];
    private final long[] authors = new long[Limits.MAX_LIMIT];
    private final int[] textLengths = new int[Limits.MAX_LIMIT];
    private final ReadScratch scratch = new ReadScratch();
    private int size;

    TweetList()
    {
    }

    /** Tweets held, at most the limit of the read that filled the list. */
    public int size()
    {
        return size;
    }

    public long id(final int index)
    {
        checkIndex(index);
        return ids[index];
    }

    public long author(final int index)
    {
        checkIndex(index);
        return authors[index];
    }

    /** Post time in milliseconds since the Unix epoch. */
    public long timeMillis(final int index)
    {
        return TweetIds.timeMillis(id(index));
    }

    /** The buffer holding the UTF-8 text of tweet {@code index}, at {@link #textOffset}; read it, never write it. */
    public abstract DirectBuffer textBuffer(int index);

    /** Where in {@link #textBuffer(int)} the text of tweet {@code index} starts. */
    public abstract int textOffset(int index);

    /** Length in bytes of the UTF-8 text of tweet {@code index}. */
    public int textLength(final int index)
    {
        checkIndex(index);
        return textLengths[index];
    }

    /** The text of tweet {@code index} as a new string. */
    public String text(final int index)
    {
        return textBuffer(index).getStringWithoutLengthUtf8(textOffset(index), textLength(index));
    }

    /** Tweet {@code index} as a new record, its text copied. */
    public Tweet tweet(final int index)
    {
        final long id = id(index);
        return new Tweet(id, author(index), text(index), Instant.ofEpochMilli(TweetIds.timeMillis(id)));
    }

    /** Every tweet held, newest first, as new records, their texts copied. */
    public List<Tweet> toList()
    {
        final List<Tweet> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++)
        {
            list.add(tweet(i));
        }
        return list;
    }

    @Override
    public String toString()
    {
        return getClass().getSimpleName() + toList();
    }

    /** Empties the list, for a feeder that fills it from elsewhere, such as an answer from a cluster. */
    public void clear()
    {
        size = 0;
    }

    /** Appends tweet {@code tweet} of {@code store}, with its text, as the next one. */
    final void add(final long id, final long author, final TweetStore store, final int tweet)
    {
        addText(add(id, author, 0), store, tweet);
    }

    /** Appends a tweet whose text of {@code textLength} bytes {@link #addText} or the caller adds next; returns its index. */
    final int add(final long id, final long author, final int textLength)
    {
        if (size == ids.length)
        {
            throw new IndexOutOfBoundsException("a list holds " + ids.length + " tweets");
        }
        final int index = size++;
        ids[index] = id;
        authors[index] = author;
        textLengths[index] = textLength;
        return index;
    }

    /**
     * Makes the text of tweet {@code tweet} of {@code store} that of tweet {@code index} here, and
     * its length, by {@link #textLength(int, int)} or by an override of {@link #textLength(int)}.
     */
    abstract void addText(int index, TweetStore store, int tweet);

    /** Sets the length of the text of tweet {@code index}. */
    final void textLength(final int index, final int textLength)
    {
        textLengths[index] = textLength;
    }

    ReadScratch scratch()
    {
        return scratch;
    }

    final void checkIndex(final int index)
    {
        if (index < 0 || index >= size)
        {
            throw new IndexOutOfBoundsException("tweet " + index + " of " + size);
        }
    }
}
