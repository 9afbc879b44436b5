package dev.timeline.cluster;

import io.aeron.archive.ArchiveMarkFile;
import io.aeron.cluster.service.ClusterMarkFile;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files Aeron maps in a member's data directory: the mark files of the archive, the consensus
 * module and the service, which hold their error logs, and the archive's catalog of recordings.
 */
final class AeronFiles
{
    /** The archive's catalog, named as Aeron names it (not public there). */
    private static final String CATALOG = "archive.catalog";
    private static final int PAGE = 4096;

    private AeronFiles()
    {
    }

    /**
     * Deletes the mark files a member killed with SIGKILL leaves behind, which would keep it from
     * starting for ten seconds: with the directory locked, no live member owns them.
     */
    static void clearMarkFilesOfDeadRuns(final Path data) throws IOException
    {
        for (final Path markFile : markFiles(data))
        {
            Files.deleteIfExists(markFile);
        }
    }

    /**
     * Allocates every page of the mapped files, which Aeron creates sparse: a page first written on
     * a full disk, an error logged there, would raise SIGBUS. Each page is touched with an atomic
     * add of zero, which leaves what Aeron writes there meanwhile as it is.
     */
    static void allocate(final Path data) throws IOException
    {
        final List<Path> files = new ArrayList<>(markFiles(data));
        files.add(data.resolve(MemberContexts.ARCHIVE_DIRECTORY).resolve(CATALOG));
        for (final Path file : files)
        {
            final MappedByteBuffer mapped;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
            }
            final UnsafeBuffer pages = new UnsafeBuffer(mapped);
            for (int page = 0; page < pages.capacity(); page += PAGE)
            {
                pages.getAndAddInt(page, 0);
            }
            IoUtil.unmap(mapped);
        }
    }

    private static List<Path> markFiles(final Path data)
    {
        final Path cluster = data.resolve(MemberContexts.CLUSTER_DIRECTORY);
        return List.of(
            cluster.resolve(ClusterMarkFile.FILENAME),
            cluster.resolve(ClusterMarkFile.markFilenameForService(0)),
            data.resolve(MemberContexts.ARCHIVE_DIRECTORY).resolve(ArchiveMarkFile.FILENAME));
    }
}
