package dev.timeline.engine.state;

import java.util.Arrays;

/**
 * Edits of the writer-only follower lists of a {@link UserTable}: each user's followers are the first
 * {@code followerCounts[user]} entries of {@code followers[user]}, in no order, grown by doubling.
 */
final class FollowerLists
{
    private FollowerLists()
    {
    }

    static void add(final UserTable table, final int user, final int follower)
    {
        final int count = table.followerCounts[user];
        int[] followers = table.followers[user];
        if (count == followers.length)
        {
            followers = Arrays.copyOf(followers, Math.max(4, count * 2));
            table.followers[user] = followers;
        }
        followers[count] = follower;
        table.followerCounts[user] = count + 1;
    }

    static void remove(final UserTable table, final int user, final int follower)
    {
        final int[] followers = table.followers[user];
        final int last = table.followerCounts[user] - 1;
        for (int i = last; i >= 0; i--)
        {
            if (followers[i] == follower)
            {
                followers[i] = followers[last];
                table.followerCounts[user] = last;
                return;
            }
        }
        throw new IllegalStateException("follower missing from the followers of user index " + user);
    }
}
