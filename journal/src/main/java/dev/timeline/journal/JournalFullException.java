package dev.timeline.journal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The file system holding a journal has no room for what an append, or the creation of a journal, would write, so
 * nothing was written: the journal is as it was, with no partial event and no sequence number used. The same call
 * succeeds once space is freed, on the same open journal.
 */
public final class JournalFullException extends JournalException
{
    private static final long serialVersionUID = 1L;

    private final long neededBytes;
    private final long freeBytes;

    /**
     * @param directory   of the journal.
     * @param purpose     what the space is for, e.g. "the next journal block".
     * @param neededBytes the space that was asked for.
     * @param freeBytes   the space the file system had left.
     * @param cause       the failed write, or null.
     */
    public JournalFullException(
        final Path directory, final String purpose, final long neededBytes, final long freeBytes, final Throwable cause)
    {
        super("no space left in " + directory + " for " + purpose + ": needs " + size(neededBytes) + ", " +
            size(freeBytes) + " free", cause);
        this.neededBytes = neededBytes;
        this.freeBytes = freeBytes;
    }

    /**
     * @return the space that was asked for, in bytes.
     */
    public long neededBytes()
    {
        return neededBytes;
    }

    /**
     * @return the space the file system had left, in bytes.
     */
    public long freeBytes()
    {
        return freeBytes;
    }

    /**
     * @param bytes a size.
     * @return the size in B, KiB, MiB or GiB with one decimal, as in "4.0 MiB".
     */
    static String size(final long bytes)
    {
        if (bytes < 1024)
        {
            return bytes + " B";
        }

        final String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1)
        {
            value /= 1024;
            unit++;
        }

        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
