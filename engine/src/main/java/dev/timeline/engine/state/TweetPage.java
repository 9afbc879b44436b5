package dev.timeline.engine.state;

import dev.timeline.engine.Limits;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A {@link TweetList} that copies the UTF-8 texts into a buffer of its own, sized for the largest
 * read: its tweets stay as they are until the page is filled again, whatever happens to the engine.
 * Applications use it as {@code TimelineBuffer}.
 * <p>
 * Not thread-safe: one page per reading thread.
 */
public abstract class TweetPage extends TweetList
{
    /** Largest UTF-8 encoding of a tweet: 280 code points of at most 4 bytes. */
    static final int MAX_TEXT_BYTES = Limits.MAX_TEXT_CODE_POINTS * 4;

    private final UnsafeBuffer text = new UnsafeBuffer(new byte[Limits.MAX_LIMIT * MAX_TEXT_BYTES]);

    protected TweetPage()
    {
    }

    /** The buffer holding the UTF-8 text of every tweet; see {@link #textOffset} and {@link #textLength}. */
    public DirectBuffer textBuffer()
    {
        return text;
    }

    /** The page's own buffer, {@link #textBuffer()}, the same for every tweet. */
    @Override
    public DirectBuffer textBuffer(final int index)
    {
        checkIndex(index);
        return text;
    }

    @Override
    public int textOffset(final int index)
    {
        checkIndex(index);
        return index * MAX_TEXT_BYTES;
    }

    /**
     * Appends a tweet whose UTF-8 text is {@code length} bytes of {@code text} at {@code offset}, for a
     * feeder that fills the page from elsewhere.
     *
     * @throws IndexOutOfBoundsException if the page is full or the text longer than a tweet's.
     */
    public void add(final long id, final long author, final DirectBuffer text, final int offset, final int length)
    {
        if (size() == Limits.MAX_LIMIT || length > MAX_TEXT_BYTES)
        {
            throw new IndexOutOfBoundsException("a page holds " + Limits.MAX_LIMIT + " tweets of at most " +
                MAX_TEXT_BYTES + " bytes");
        }
        final int index = add(id, author, length);
        this.text.putBytes(textOffset(index), text, offset, length);
    }

    @Override
    void addText(final int index, final TweetStore store, final int tweet)
    {
        textLength(index, store.copyText(tweet, text, textOffset(index)));
    }
}
