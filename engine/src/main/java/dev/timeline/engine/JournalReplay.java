package dev.timeline.engine;

import dev.timeline.engine.state.PartitionState;
import dev.timeline.engine.state.TimelineStateMachine;
import dev.timeline.journal.Journal;
import dev.timeline.journal.JournalHandler;
import org.agrona.DirectBuffer;

/**
 * Rebuilds a partition's state from its newest usable snapshot, if any, and by replaying the
 * journal after it through the same code that applied the commands the first time, so the result
 * is the state the writer had. An event that a correct writer could not have journaled is reported
 * as a damaged journal, never applied.
 */
final class JournalReplay implements JournalHandler
{
    private static final int PROGRESS_EVERY = 1 << 16;
    /** What a tweet takes besides its text: its record. */
    private static final int TWEET_RECORD_BYTES = 32;

    private final TimelineStateMachine machine;
    private final PartitionState state;
    private final RecoveryListener listener;
    private final Journal journal;
    private final long snapshotIndex;
    private final long snapshotEvents;
    private final long snapshotNanos;
    private long lastIndex;
    private long total;
    private long follows;
    private long unfollows;
    private long posts;
    private long deletes;
    private long postBytes;

    /**
     * @param state         empty, or loaded from {@code snapshot}.
     * @param snapshot      the snapshot {@code state} was loaded from, or null.
     * @param snapshotNanos time spent loading it.
     */
    JournalReplay(
        final TimelineStateMachine machine, final Snapshots.Loaded snapshot, final long snapshotNanos, final Journal journal,
        final RecoveryListener listener)
    {
        this.machine = machine;
        state = machine.state();
        this.journal = journal;
        this.listener = listener;
        this.snapshotNanos = snapshotNanos;
        snapshotIndex = snapshot == null ? -1 : snapshot.journalIndex();
        snapshotEvents = snapshot == null ? 0 : snapshot.journalEvents();
        lastIndex = snapshotIndex;
    }

    /** Journal events after {@code snapshot} (null for none), to be replayed. */
    static long eventsAfter(final Snapshots.Loaded snapshot, final Journal journal)
    {
        return Math.max(0, journal.eventCount() - (snapshot == null ? 0 : snapshot.journalEvents()));
    }

    RecoveryReport run()
    {
        final long start = System.nanoTime();
        state.takeOwnership();
        total = Math.max(0, journal.eventCount() - snapshotEvents);
        journal.replay(Math.max(0, snapshotIndex), this);
        listener.onProgress(replayed(), total);
        return new RecoveryReport(
            snapshotEvents, snapshotNanos, follows, unfollows, posts, deletes, System.nanoTime() - start);
    }

    /** Index of the last journal event in the recovered state, or -1. */
    long lastIndex()
    {
        return lastIndex;
    }

    /** Journal events in the recovered state. */
    long journalEvents()
    {
        return snapshotEvents + replayed();
    }

    @Override
    public void onFollow(final long index, final long time, final long follower, final long followee)
    {
        if (index > snapshotIndex)
        {
            checkFollower(index, follower);
            machine.follow(follower, followee);
            follows++;
            applied(index);
        }
    }

    @Override
    public void onUnfollow(final long index, final long time, final long follower, final long followee)
    {
        if (index > snapshotIndex)
        {
            checkFollower(index, follower);
            machine.unfollow(follower, followee);
            unfollows++;
            applied(index);
        }
    }

    @Override
    public void onPost(
        final long index, final long time, final long tweetId, final long author, final DirectBuffer text,
        final int offset, final int length)
    {
        if (index > snapshotIndex)
        {
            if (tweetId <= state.lastTweetId())
            {
                throw damaged(index, "tweet id " + tweetId + " is not above the previous id " + state.lastTweetId());
            }
            if (!state.ownsTweet(tweetId) || !state.ownsUser(author))
            {
                throw damaged(index, "tweet " + tweetId + " by user " + author + " belongs to another partition");
            }
            machine.post(tweetId, author, text, offset, length);
            posts++;
            postBytes += length + TWEET_RECORD_BYTES;
            applied(index);
        }
    }

    @Override
    public void onDelete(final long index, final long time, final long tweetId)
    {
        if (index > snapshotIndex)
        {
            final int tweet = machine.findLiveTweet(tweetId);
            if (tweet < 0)
            {
                throw damaged(index, "it deletes tweet " + tweetId + ", which is not live at that point");
            }
            machine.delete(tweet);
            deletes++;
            applied(index);
        }
    }

    private void checkFollower(final long index, final long follower)
    {
        if (!state.ownsUser(follower))
        {
            throw damaged(index, "follower " + follower + " belongs to another partition");
        }
    }

    /** Bytes of tweet records and texts the posts replayed so far take. */
    long postBytes()
    {
        return postBytes;
    }

    /** Events replayed so far. */
    long replayed()
    {
        return follows + unfollows + posts + deletes;
    }

    private void applied(final long index)
    {
        lastIndex = index;
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
