package dev.timeline.journal;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every event it is given as a line of text, and the indexes they came with.
 */
final class RecordingHandler implements JournalHandler
{
    final List<String> events = new ArrayList<>();
    final List<Long> indexes = new ArrayList<>();

    static String follow(final long time, final long follower, final long followee)
    {
        return "FOLLOW " + time + " " + follower + " " + followee;
    }

    static String unfollow(final long time, final long follower, final long followee)
    {
        return "UNFOLLOW " + time + " " + follower + " " + followee;
    }

    static String post(final long time, final long tweetId, final long author, final String text)
    {
        return "POST " + time + " " + tweetId + " " + author + " " + text;
    }

    static String delete(final long time, final long tweetId)
    {
        return "DELETE " + time + " " + tweetId;
    }

    public void onFollow(final long index, final long time, final long follower, final long followee)
    {
        record(index, follow(time, follower, followee));
    }

    public void onUnfollow(final long index, final long time, final long follower, final long followee)
    {
        record(index, unfollow(time, follower, followee));
    }

    public void onPost(
        final long index,
        final long time,
        final long tweetId,
        final long author,
        final DirectBuffer text,
        final int offset,
        final int length)
    {
        record(index, post(time, tweetId, author, text.getStringWithoutLengthUtf8(offset, length)));
    }

    public void onDelete(final long index, final long time, final long tweetId)
    {
        record(index, delete(time, tweetId));
    }

    private void record(final long index, final String event)
    {
        indexes.add(index);
        events.add(event);
    }

    static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
