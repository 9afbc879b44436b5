package dev.timeline.journal;

import java.nio.file.Path;

/**
 * Child process of {@link JournalDiskFullTest}: appends {@link DerivedPosts} to a journal until an append is refused
 * for want of space, then prints how many were acknowledged and the refusal, and exits normally.
 */
public final class FillingAppender
{
    private FillingAppender()
    {
    }

    /**
     * @param args the journal directory.
     */
    public static void main(final String[] args)
    {
        final DerivedPosts posts = new DerivedPosts();
        try (Journal journal = Journal.open(Path.of(args[0])))
        {
            long acknowledged = journal.eventCount();
            try
            {
                while (true)
                {
                    posts.append(journal, acknowledged);
                    acknowledged++;
                }
            }
            catch (final JournalFullException ex)
            {
                System.out.println(acknowledged + " acknowledged, then " + ex.getClass().getSimpleName() + ": " +
                    ex.getMessage());
            }
        }
    }
}
