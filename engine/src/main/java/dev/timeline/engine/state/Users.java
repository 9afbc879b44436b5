package dev.timeline.engine.state;

/**
 * The users of a partition: the id-to-index map and the {@link UserTable} of their state.
 * Single writer interns; readers on any thread find.
 */
final class Users
{
    private final UserIndex index = new UserIndex();
    private volatile UserTable table = new UserTable(1 << 10);

    /** The current table; readers must check it is still current after a seqlock read. */
    UserTable table()
    {
        return table;
    }

    /** The index of {@code userId}, or -1 if the partition has never seen it. Any thread. */
    int find(final long userId)
    {
        return index.find(userId);
    }

    /** Writer only: the index of {@code userId}, adding the user if new. */
    int intern(final long userId)
    {
        final int existing = index.find(userId);
        if (existing >= 0)
        {
            return existing;
        }
        final int user = index.size();
        UserTable table = this.table;
        if (user == table.capacity())
        {
            table = table.grow(table.capacity() * 2);
            this.table = table;
        }
        table.userIds[user] = userId;
        index.add(userId);
        return user;
    }

    /** Writer only: makes room for {@code count} users, so that interning that many grows nothing. */
    void reserve(final int count)
    {
        if (count > table.capacity())
        {
            table = table.grow(count);
        }
        index.reserve(count);
    }

    int size()
    {
        return index.size();
    }
}
