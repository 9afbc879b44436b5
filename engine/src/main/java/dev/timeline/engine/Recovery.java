package dev.timeline.engine;

import dev.timeline.journal.Journal;
import dev.timeline.journal.JournalHandler;
import org.agrona.DirectBuffer;

/**
 * Rebuilds a partition's state by replaying its journal through the same code that applied the
 * commands the first time, so the result is the state the writer had. An event that could not
 * have been journaled by a correct writer is reported as a damaged journal, never applied.
 */
final class Recovery implements JournalHandler
{
    private static final int PROGRESS_EVERY = 1 << 16;

    private final EngineState state;
    private final RecoveryListener listener;
    private final Journal journal;
    private long total;
    private long follows;
    private long unfollows;
    private long posts;
    private long deletes;

    Recovery(final EngineState state, final Journal journal, final RecoveryListener listener)
    {
        this.state = state;
        this.journal = journal;
        this.listener = listener;
    }

    RecoveryReport run()
    {
        final long start = System.nanoTime();
        state.takeOwnership();
        total = journal.eventCount();
        journal.replay(this);
        listener.onProgress(replayed(), total);
        return new RecoveryReport(follows, unfollows, posts, deletes, System.nanoTime() - start);
    }

    @Override
    public void onFollow(final long index, final long time, final long follower, final long followee)
    {
        state.follow(follower, followee);
        follows++;
        progress();
    }

    @Override
    public void onUnfollow(final long index, final long time, final long follower, final long followee)
    {
        state.unfollow(follower, followee);
        unfollows++;
        progress();
    }

    @Override
    public void onPost(
        final long index, final long time, final long tweetId, final long author, final DirectBuffer text,
        final int offset, final int length)
    {
        if (tweetId <= state.lastTweetId())
        {
            throw damaged(index, "tweet id " + tweetId + " is not above the previous id " + state.lastTweetId());
        }
        state.post(tweetId, author, text, offset, length);
        posts++;
        progress();
    }

    @Override
    public void onDelete(final long index, final long time, final long tweetId)
    {
        final int tweet = state.findLiveTweet(tweetId);
        if (tweet < 0)
        {
            throw damaged(index, "it deletes tweet " + tweetId + ", which is not live at that point");
        }
        state.delete(tweet);
        deletes++;
        progress();
    }

    private long replayed()
    {
        return follows + unfollows + posts + deletes;
    }

    private void progress()
    {
        final long replayed = replayed();
        if ((replayed & (PROGRESS_EVERY - 1)) == 0)
        {
            listener.onProgress(replayed, total);
        }
    }

    private DataDirectoryException damaged(final long index, final String what)
    {
        return new DataDirectoryException(
            "journal " + journal.directory() + " is inconsistent at index " + index + ": " + what);
    }
}
