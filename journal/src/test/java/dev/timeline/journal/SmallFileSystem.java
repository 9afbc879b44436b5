package dev.timeline.journal;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A tmpfs of a few megabytes mounted on a directory, so that a test can fill a file system for real. Mounting needs
 * root on Linux; where it is not possible, the test is skipped with the reason.
 */
public final class SmallFileSystem implements AutoCloseable
{
    private static final int FILL_CHUNK = 64 * 1024;
    private static final int PAGE = 4096;

    private final Path directory;

    private SmallFileSystem(final Path directory)
    {
        this.directory = directory;
    }

    /**
     * Mount a tmpfs on a new directory, or skip the test if that is not possible.
     *
     * @param directory to create and mount on.
     * @param megabytes size of the file system.
     * @return the mounted file system, to be closed (unmounted) by the caller.
     */
    public static SmallFileSystem mount(final Path directory, final int megabytes) throws IOException, InterruptedException
    {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "a tmpfs is mounted on Linux only");
        Files.createDirectories(directory);
        Result mount;
        try
        {
            mount = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", directory.toString());
        }
        catch (final IOException ex)
        {
            mount = new Result(-1, ex.toString());
        }
        Assumptions.assumeTrue(0 == mount.exitCode, "cannot mount a " + megabytes + " MiB tmpfs on " + directory +
            " (this test needs root on Linux to fill a real file system): " + mount.output);

        return new SmallFileSystem(directory);
    }

    /**
     * @return the directory the file system is mounted on.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * Change the size of the file system, keeping what it holds.
     *
     * @param megabytes new size.
     */
    public void resize(final int megabytes) throws IOException, InterruptedException
    {
        final Result remount = run("mount", "-o", "remount,size=" + megabytes + "m", directory.toString());
        assertEquals(0, remount.exitCode, "remount of " + directory + ": " + remount.output);
    }

    /**
     * Take the free space of the file system, but for {@code leftBytes} or less, with a file of zeros.
     *
     * @param name      of the file, in the file system's directory.
     * @param leftBytes most bytes to leave free, a multiple of the page size.
     * @return the file, to delete to free the space again.
     */
    public Path fill(final String name, final long leftBytes) throws IOException
    {
        final Path file = directory.resolve(name);
        final ByteBuffer zeros = ByteBuffer.allocate(FILL_CHUNK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            for (final int chunk : new int[]{FILL_CHUNK, PAGE})
            {
                while (Files.getFileStore(directory).getUsableSpace() - chunk >= leftBytes && write(channel, zeros, chunk))
                {
                    // take the space
                }
            }
        }

        return file;
    }

    /**
     * Unmount the file system, lazily if it is still in use.
     */
    public void close()
    {
        try
        {
            if (0 != run("umount", directory.toString()).exitCode)
            {
                run("umount", "-l", directory.toString());
            }
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new IllegalStateException("cannot unmount " + directory, ex);
        }
    }

    private static boolean write(final FileChannel channel, final ByteBuffer zeros, final int length)
    {
        try
        {
            zeros.clear().limit(length);
            channel.write(zeros, channel.size());
            return true;
        }
        catch (final IOException full)
        {
            return false;
        }
    }

    private static Result run(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            return new Result(-1, command[0] + " did not end");
        }

        return new Result(process.exitValue(), output);
    }

    private static final class Result
    {
        final int exitCode;
        final String output;

        Result(final int exitCode, final String output)
        {
            this.exitCode = exitCode;
            this.output = output;
        }
    }
}
