package dev.timeline.journal;

import java.nio.file.Path;

/**
 * A journal holds an event that cannot be trusted: bytes changed, a file truncated, events missing, or a type this
 * build does not know. Reading stopped before the damaged event; every event delivered before it was intact.
 */
public final class JournalDamagedException extends JournalException
{
    private static final long serialVersionUID = 1L;

    /**
     * Value of {@link #index()} when the damage is not tied to one event.
     */
    public static final long UNKNOWN_INDEX = -1;

    /**
     * Value of {@link #position()} when the byte offset is not known.
     */
    public static final long UNKNOWN_POSITION = -1;

    private final transient Path file;
    private final long index;
    private final long position;
    private final long lastIntactIndex;

    /**
     * @param file            the queue file holding the damage, or null when not known.
     * @param index           of the damaged event, the index reading had reached, or {@link #UNKNOWN_INDEX}.
     * @param position        byte offset of the damaged event in the file, or {@link #UNKNOWN_POSITION}.
     * @param lastIntactIndex of the last event read intact, or -1 when none was.
     * @param detail          what is wrong.
     * @param cause           the underlying failure, or null.
     */
    public JournalDamagedException(
        final Path file,
        final long index,
        final long position,
        final long lastIntactIndex,
        final String detail,
        final Throwable cause)
    {
        super(message(file, index, position, lastIntactIndex, detail), cause);
        this.file = file;
        this.index = index;
        this.position = position;
        this.lastIntactIndex = lastIntactIndex;
    }

    /**
     * @return the queue file holding the damage, or null when not known.
     */
    public Path file()
    {
        return file;
    }

    /**
     * @return index of the damaged event, the index reading had reached, or {@link #UNKNOWN_INDEX}.
     */
    public long index()
    {
        return index;
    }

    /**
     * @return byte offset of the damaged event in {@link #file()}, or {@link #UNKNOWN_POSITION}.
     */
    public long position()
    {
        return position;
    }

    /**
     * @return index of the last event read intact before the damage, or -1 when none was.
     */
    public long lastIntactIndex()
    {
        return lastIntactIndex;
    }

    private static String message(
        final Path file, final long index, final long position, final long lastIntactIndex, final String detail)
    {
        return "journal damaged in " + (null == file ? "an unknown file" : file.toString()) +
            (UNKNOWN_INDEX == index ? "" : " at index 0x" + Long.toHexString(index)) +
            (UNKNOWN_POSITION == position ? "" : ", byte offset " + position) + ": " + detail +
            (lastIntactIndex < 0 ? "" :
                "; reading stopped after the last intact event, index 0x" + Long.toHexString(lastIntactIndex));
    }
}
