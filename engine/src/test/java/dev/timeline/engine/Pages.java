package dev.timeline.engine;

import java.util.ArrayList;
import java.util.List;

/** Reads a whole timeline, newest first, by paging back with {@code before} until a page comes back short. */
final class Pages
{
    private Pages()
    {
    }

    static List<Tweet> all(final PageReader reader)
    {
        final List<Tweet> all = new ArrayList<>();
        List<Tweet> page;
        do
        {
            page = reader.read(Limits.MAX_LIMIT, all.isEmpty() ? Long.MAX_VALUE : all.get(all.size() - 1).id());
            all.addAll(page);
        }
        while (page.size() == Limits.MAX_LIMIT);
        return all;
    }

    @FunctionalInterface
    interface PageReader
    {
        List<Tweet> read(int limit, long before);
    }
}
