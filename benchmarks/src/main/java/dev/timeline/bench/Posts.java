package dev.timeline.bench;

import dev.timeline.workload.OperationStream;
import dev.timeline.workload.Workload;

/**
 * The posts of a comparison, drawn once from a workload's post stream so that every implementation
 * posts exactly the same tweets in the same order, and none pays for generating them.
 */
final class Posts
{
    private final long[] authors;
    private final String[] texts;

    /** The first {@code count} posts of {@code workload}'s operation stream {@code stream}. */
    Posts(final Workload workload, final int stream, final int count)
    {
        authors = new long[count];
        texts = new String[count];
        final OperationStream operations = workload.operations(stream, 0);
        for (int i = 0; i < count; i++)
        {
            operations.next();
            authors[i] = operations.user();
            texts[i] = operations.text().toString();
        }
    }

    int count()
    {
        return authors.length;
    }

    long author(final int index)
    {
        return authors[index];
    }

    String text(final int index)
    {
        return texts[index];
    }
}
