package dev.timeline.engine.state;

import dev.timeline.engine.Limits;
import dev.timeline.engine.TweetIds;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The tweets one timeline read found, newest first: ids, authors and UTF-8 texts in arrays and a
 * buffer sized for the largest read, reused from read to read so that reading allocates nothing.
 * Filled by {@link TimelineReader}; applications use it as {@code TimelineBuffer}.
 * <p>
 * Not thread-safe: one page per reading thread.
 */
public abstract class TweetPage
{
    /** Largest UTF-8 encoding of a tweet: 280 code points of at most 4 bytes. */
    static final int MAX_TEXT_BYTES = Limits.MAX_TEXT_CODE_POINTS * 4;

    private final long[] ids = new long[Limits.MAX_LIMIT];
    private final long[] authors = new long[Limits.MAX_LIMIT];
    private final int[] textLengths = new int[Limits.MAX_LIMIT];
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[Limits.MAX_LIMIT * MAX_TEXT_BYTES]);
    private final ReadScratch scratch = new ReadScratch();
    private int size;

    protected TweetPage()
    {
    }

    /** Tweets held, at most the limit of the read that filled the page. */
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

    /** The buffer holding the UTF-8 text of every tweet; see {@link #textOffset} and {@link #textLength}. */
    public DirectBuffer textBuffer()
    {
        return text;
    }

    public int textOffset(final int index)
    {
        checkIndex(index);
        return index * MAX_TEXT_BYTES;
    }

    /** Length in bytes of the UTF-8 text of tweet {@code index}. */
    public int textLength(final int index)
    {
        checkIndex(index);
        return textLengths[index];
    }

    /** The text of tweet {@code index} as a new string. */
    public String text(final int index)
    {
        return text.getStringWithoutLengthUtf8(textOffset(index), textLengths[index]);
    }

    /** Empties the page, for a feeder that fills it from elsewhere, such as an answer from a cluster. */
    public void clear()
    {
        size = 0;
    }

    /**
     * Appends a tweet whose UTF-8 text is {@code length} bytes of {@code text} at {@code offset}, for a
     * feeder that fills the page from elsewhere.
     *
     * @throws IndexOutOfBoundsException if the page is full or the text longer than a tweet's.
     */
    public void add(final long id, final long author, final DirectBuffer text, final int offset, final int length)
    {
        if (size == ids.length || length > MAX_TEXT_BYTES)
        {
            throw new IndexOutOfBoundsException("a page holds " + ids.length + " tweets of at most " +
                MAX_TEXT_BYTES + " bytes");
        }
        final int index = add(id, author, length);
        this.text.putBytes(textOffset(index), text, offset, length);
    }

    /** Appends a tweet whose text the caller copies next into {@link #mutableText} at {@link #textOffset}. */
    int add(final long id, final long author, final int textLength)
    {
        final int index = size++;
        ids[index] = id;
        authors[index] = author;
        textLengths[index] = textLength;
        return index;
    }

    UnsafeBuffer mutableText()
    {
        return text;
    }

    ReadScratch scratch()
    {
        return scratch;
    }

    private void checkIndex(final int index)
    {
        if (index < 0 || index >= size)
        {
            throw new IndexOutOfBoundsException("tweet " + index + " of " + size);
        }
    }
}
