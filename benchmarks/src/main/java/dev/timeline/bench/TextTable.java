package dev.timeline.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A table printed in aligned columns: the first left-aligned, the others right-aligned. */
final class TextTable
{
    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();

    /** Adds a row; the first row added is the header. */
    TextTable row(final String... cells)
    {
        rows.add(cells);
        return this;
    }

    void print(final PrintStream out)
    {
        final int columns = rows.get(0).length;
        final int[] widths = new int[columns];
        for (final String[] row : rows)
        {
            for (int i = 0; i < columns; i++)
            {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (final String[] row : rows)
        {
            final StringBuilder line = new StringBuilder();
            line.append(row[0]).append(" ".repeat(widths[0] - row[0].length()));
            for (int i = 1; i < columns; i++)
            {
                line.append(GAP).append(" ".repeat(widths[i] - row[i].length())).append(row[i]);
            }
            out.println(line);
        }
    }
}
