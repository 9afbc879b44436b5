package dev.timeline.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A stream of events whose every field derives from the event's sequence number, so a reader can check each event
 * it is given without keeping what was written. Appending and checking allocate nothing.
 */
final class DerivedEvents
{
    private static final int TEXT_BASE_LENGTH = 100;

    private final MutableDirectBuffer text = new UnsafeBuffer(new byte[TEXT_BASE_LENGTH + 64]);

    /**
     * Append event {@code n}.
     *
     * @param journal to append to.
     * @param n       sequence number of the event.
     * @return its index.
     */
    long append(final Journal journal, final long n)
    {
        switch ((int)(n & 3))
        {
            case 0:
                return journal.appendFollow(time(n), user(n), user(n + 1));
            case 1:
                return journal.appendPost(time(n), n, user(n), text, 0, fillText(text, n));
            case 2:
                return journal.appendUnfollow(time(n), user(n), user(n + 1));
            default:
                return journal.appendDelete(time(n), n - 2);
        }
    }

    static long time(final long n)
    {
        return 1_700_000_000_000L + n;
    }

    static long user(final long n)
    {
        return (n * 0x9E3779B97F4A7C15L) >>> 1;
    }

    private static int textLength(final long n)
    {
        return TEXT_BASE_LENGTH + (int)(n % 40);
    }

    static byte textByte(final long n, final int i)
    {
        return (byte)('a' + (n + i) % 26);
    }

    private static int fillText(final MutableDirectBuffer buffer, final long n)
    {
        final int length = textLength(n);
        for (int i = 0; i < length; i++)
        {
            buffer.putByte(i, textByte(n, i));
        }

        return length;
    }

    /**
     * Checks that it is given events 0, 1, 2 ... in order, each exactly as {@link #append(Journal, long)} wrote it.
     */
    static final class Checker implements JournalHandler
    {
        private long next;

        /**
         * @return how many events were checked, which is the sequence number of the next one expected.
         */
        long count()
        {
            return next;
        }

        public void onFollow(final long index, final long time, final long follower, final long followee)
        {
            check(0, time, follower == user(next) && followee == user(next + 1));
        }

        public void onUnfollow(final long index, final long time, final long follower, final long followee)
        {
            check(2, time, follower == user(next) && followee == user(next + 1));
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
            check(1, time, tweetId == next && author == user(next) && textMatches(text, offset, length));
        }

        public void onDelete(final long index, final long time, final long tweetId)
        {
            check(3, time, tweetId == next - 2);
        }

        private boolean textMatches(final DirectBuffer text, final int offset, final int length)
        {
            if (length != textLength(next))
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (text.getByte(offset + i) != textByte(next, i))
                {
                    return false;
                }
            }

            return true;
        }

        private void check(final int kind, final long time, final boolean fieldsMatch)
        {
            if ((next & 3) != kind || time != time(next) || !fieldsMatch)
            {
                throw new AssertionError("event " + next + " is not as written");
            }
            next++;
        }
    }
}
