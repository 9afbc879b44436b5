package dev.timeline.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A stream of posts of {@value #EVENT_LENGTH} bytes each whose every field derives from the post's sequence number,
 * as {@link DerivedEvents} derives them, so a reader can check each post without keeping what was written.
 */
final class DerivedPosts
{
    static final int TEXT_LENGTH = 230;
    static final int EVENT_LENGTH = TEXT_LENGTH + PostEventDescriptor.TEXT_OFFSET;

    private final MutableDirectBuffer text = new UnsafeBuffer(new byte[TEXT_LENGTH]);

    /**
     * Append post {@code n}.
     *
     * @param journal to append to.
     * @param n       sequence number of the post.
     * @return its index.
     */
    long append(final Journal journal, final long n)
    {
        for (int i = 0; i < TEXT_LENGTH; i++)
        {
            text.putByte(i, DerivedEvents.textByte(n, i));
        }

        return journal.appendPost(DerivedEvents.time(n), n, DerivedEvents.user(n), text, 0, TEXT_LENGTH);
    }

    /**
     * Checks that it is given posts 0, 1, 2 ... in order, each exactly as {@link #append(Journal, long)} wrote it.
     */
    static final class Checker implements JournalHandler
    {
        private long next;

        /**
         * @return how many posts were checked, which is the sequence number of the next one expected.
         */
        long count()
        {
            return next;
        }

        public void onFollow(final long index, final long time, final long follower, final long followee)
        {
            throw notAPost();
        }

        public void onUnfollow(final long index, final long time, final long follower, final long followee)
        {
            throw notAPost();
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
            boolean intact = time == DerivedEvents.time(next) && tweetId == next &&
                author == DerivedEvents.user(next) && length == TEXT_LENGTH;
            for (int i = 0; intact && i < length; i++)
            {
                intact = text.getByte(offset + i) == DerivedEvents.textByte(next, i);
            }

            if (!intact)
            {
                throw new AssertionError("post " + next + " is not as written");
            }
            next++;
        }

        public void onDelete(final long index, final long time, final long tweetId)
        {
            throw notAPost();
        }

        private AssertionError notAPost()
        {
            return new AssertionError("event " + next + " is not a post, and only posts were written");
        }
    }
}
