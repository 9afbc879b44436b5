package dev.timeline.journal;

import org.agrona.CloseHelper;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Forces the queue file an appender writes to, including the pages written through its memory mapping, to storage.
 * Keeps one channel open to the current cycle file and moves to the next file when the queue rolls, forcing the
 * directory entry of each new file once. Single-threaded, like the appender.
 */
final class CycleFileSync implements AutoCloseable
{
    private File file;
    private FileChannel channel;

    /**
     * Force {@code currentFile} to storage.
     *
     * @param currentFile the file the appender last wrote to.
     * @throws IOException if it cannot be opened or forced.
     */
    void sync(final File currentFile) throws IOException
    {
        if (currentFile != file)
        {
            close();
            channel = FileChannel.open(currentFile.toPath(), StandardOpenOption.WRITE);
            file = currentFile;
            JournalDirectory.forceDirectory(currentFile.toPath().getParent());
        }

        channel.force(false);
    }

    /**
     * Close the channel to the current file.
     */
    public void close()
    {
        CloseHelper.quietClose(channel);
        channel = null;
        file = null;
    }
}
