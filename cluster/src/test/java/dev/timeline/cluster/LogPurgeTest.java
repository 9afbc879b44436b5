package dev.timeline.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Disk stays bounded: the leader asks for a snapshot each time the log grows by the interval, and
 * each member purges its archived log before the older of its last two snapshots; a member
 * restarted afterwards recovers from its snapshot and holds every post.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LogPurgeTest
{
    private static final int POSTS = 60_000;

    @TempDir
    Path data;

    @Test
    void theLogBeforeTheOlderOfTheLastTwoSnapshotsIsPurged() throws Exception
    {
        final Members members = Members.onLoopback(3);
        final List<TimelineNode> nodes = new ArrayList<>();
        try
        {
            for (int id = 0; id < 3; id++)
            {
                nodes.add(TimelineNode.launch(config(members, id)));
            }
            final Semaphore inFlight = new Semaphore(1_000);
            final String text = "x".repeat(250);
            for (int i = 0; i < POSTS; i++)
            {
                inFlight.acquire();
                nodes.get(i % 3).postAsync(1, text).whenComplete((id, error) -> inFlight.release());
            }
            inFlight.acquire(1_000);
            for (final TimelineNode node : nodes)
            {
                while (Files.exists(firstSegment(node.memberId())))
                {
                    Thread.sleep(10);
                }
            }
            nodes.get(1).close();
            nodes.set(1, TimelineNode.launch(config(members, 1)));
            nodes.get(1).sync();
            assertEquals(POSTS, nodes.get(1).stats().tweets(), "the restarted member holds every post");
        }
        finally
        {
            nodes.forEach(TimelineNode::close);
        }
    }

    private NodeConfig config(final Members members, final int id)
    {
        return LocalCluster.config(members, id, data.resolve("m" + id)).snapshotInterval(4L << 20);
    }

    /** The archive's first segment of the log: purged once the log before two snapshots goes. */
    private Path firstSegment(final int id) throws IOException
    {
        final Path archive = data.resolve("m" + id).resolve(MemberContexts.ARCHIVE_DIRECTORY);
        try (Stream<Path> files = Files.list(archive))
        {
            return files.filter(file -> file.getFileName().toString().matches("0-0\\.rec")).findFirst()
                .orElse(archive.resolve("0-0.rec"));
        }
    }
}
