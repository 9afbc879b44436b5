package dev.timeline.engine;

import dev.timeline.engine.state.TweetViews;

/**
 * A caller-owned result of a timeline read that copies only ids and authors, filled by
 * {@link Timelines#homeView} and {@link Timelines#tweetsView}: the UTF-8 text of each
 * tweet is a view, {@link #textBuffer(int)} at {@link #textOffset(int)} for {@link #textLength(int)}
 * bytes, of the memory where the engine keeps it. Reused across reads so that reading allocates
 * nothing; tweet {@code 0} is the newest.
 * <p>
 * How long a view is valid: filled by {@link TimelineEngine} (or a cluster's {@code TimelineNode},
 * from its replica), every text viewed stays valid, and unchanged, until that engine closes,
 * whatever is read, posted or deleted meanwhile, even after this view is filled again; read after
 * the engine closed, it is undefined (the memory is freed). Filled
 * by a {@link Timelines} that cannot hand out its memory, such as a client of a cluster, the texts
 * are copies held here, valid until this view is filled again. Read a text, never write it. A caller
 * that keeps results past that uses a {@link TimelineBuffer} or {@link #toList()}, which copies.
 * <p>
 * Not thread-safe: one view per reading thread; a valid text may be read from any thread.
 */
public final class TimelineView extends TweetViews
{
    private TimelineBuffer copies;

    /** A buffer of this view's own, for a read that can only copy; created on first use. */
    TimelineBuffer copies()
    {
        if (copies == null)
        {
            copies = new TimelineBuffer();
        }
        return copies;
    }

    /** Views the tweets {@link #copies()} holds; returns how many. */
    int viewCopies()
    {
        view(copies);
        return size();
    }
}
