package dev.timeline.journal;

import org.agrona.DirectBuffer;

/**
 * Receives the events of a journal in order during a {@link Journal#replay(JournalHandler) replay} or a
 * {@link JournalTailer#poll(JournalHandler, int) poll}, on the thread that called it.
 */
public interface JournalHandler
{
    /**
     * A user followed another.
     *
     * @param index    of the event in the journal.
     * @param time     of the event in milliseconds since the epoch.
     * @param follower user who followed.
     * @param followee user followed.
     */
    void onFollow(long index, long time, long follower, long followee);

    /**
     * A user unfollowed another.
     *
     * @param index    of the event in the journal.
     * @param time     of the event in milliseconds since the epoch.
     * @param follower user who unfollowed.
     * @param followee user unfollowed.
     */
    void onUnfollow(long index, long time, long follower, long followee);

    /**
     * A tweet was posted. The text is valid only during the call: copy what must outlive it.
     *
     * @param index   of the event in the journal.
     * @param time    of the event in milliseconds since the epoch.
     * @param tweetId of the tweet.
     * @param author  user who posted it.
     * @param text    buffer holding the UTF-8 text.
     * @param offset  of the text in the buffer.
     * @param length  of the text in bytes.
     */
    void onPost(long index, long time, long tweetId, long author, DirectBuffer text, int offset, int length);

    /**
     * A tweet was deleted.
     *
     * @param index   of the event in the journal.
     * @param time    of the event in milliseconds since the epoch.
     * @param tweetId of the deleted tweet.
     */
    void onDelete(long index, long time, long tweetId);
}
