package dev.timeline.engine.state;

import dev.timeline.engine.Limits;
import org.agrona.DirectBuffer;

/**
 * A {@link TweetList} that copies only ids and authors: each text is a view of the UTF-8 bytes where
 * the engine keeps them, in its append-only text log, whose memory holds every text unchanged, deleted
 * tweets' too, until the engine closes and frees it. A read into views touches no text, nor even the
 * record of a tweet that says where its text is: that is looked up when the text is asked for.
 * Applications use it as {@code TimelineView}.
 * <p>
 * Not thread-safe: one list per reading thread.
 */
public abstract class TweetViews extends TweetList
{
    private final DirectBuffer[] buffers = new DirectBuffer[Limits.MAX_LIMIT];
    private final int[] offsets = new int[Limits.MAX_LIMIT];
    private final TweetStore[] stores = new TweetStore[Limits.MAX_LIMIT];
    private final int[] tweets = new int[Limits.MAX_LIMIT];

    protected TweetViews()
    {
    }

    /** The engine's buffer holding the text of tweet {@code index}, at {@link #textOffset}; read it, never write it. */
    @Override
    public DirectBuffer textBuffer(final int index)
    {
        checkIndex(index);
        final TweetStore store = stores[index];
        return store != null ? store.textBuffer(tweets[index]) : buffers[index];
    }

    @Override
    public int textOffset(final int index)
    {
        checkIndex(index);
        final TweetStore store = stores[index];
        return store != null ? store.textOffset(tweets[index]) : offsets[index];
    }

    @Override
    public int textLength(final int index)
    {
        checkIndex(index);
        final TweetStore store = stores[index];
        return store != null ? store.textLength(tweets[index]) : super.textLength(index);
    }

    /** Views the tweets of {@code list}, whose texts must then stay as they are while these views are read. */
    protected final void view(final TweetList list)
    {
        clear();
        for (int i = 0, size = list.size(); i < size; i++)
        {
            final int index = add(list.id(i), list.author(i), list.textLength(i));
            stores[index] = null;
            buffers[index] = list.textBuffer(i);
            offsets[index] = list.textOffset(i);
        }
    }

    @Override
    void addText(final int index, final TweetStore store, final int tweet)
    {
        stores[index] = store;
        tweets[index] = tweet;
    }
}
