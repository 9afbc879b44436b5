package dev.timeline.engine;

import dev.timeline.engine.state.TweetPage;

/**
 * A caller-owned result of a timeline read, reused across reads so that reading allocates nothing.
 * Filled by {@link TimelineEngine#home(long, int, long, TimelineBuffer)} and
 * {@link TimelineEngine#tweets(long, int, long, TimelineBuffer)}; tweet {@code 0} is the newest. The
 * texts are copied into the buffer, so its tweets stay as they are until it is filled again: the
 * form for a caller that keeps results. A {@link TimelineView} copies less.
 * <p>
 * Not thread-safe: one buffer per reading thread.
 */
public final class TimelineBuffer extends TweetPage
{
}
