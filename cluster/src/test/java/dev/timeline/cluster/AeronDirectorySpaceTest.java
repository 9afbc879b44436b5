package dev.timeline.cluster;

import dev.timeline.engine.DiskFullException;
import dev.timeline.journal.SmallFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member whose Aeron directory has no room for its media driver's buffers (a small tmpfs, as a
 * full /dev/shm; skipped, saying why, where one cannot be mounted) is refused at start with an error
 * that says where and how much, having changed nothing, and starts once there is room.
 */
class AeronDirectorySpaceTest
{
    private static final int FULL_MIB = 16;

    @TempDir
    Path temp;

    @Test
    void aMemberIsRefusedUntilItsAeronDirectoryHasRoomForItsBuffers() throws Exception
    {
        final Path data = temp.resolve("member");
        final NodeConfig config = LocalCluster.config(Members.onLoopback(1), 0, data)
            .aeronDirectory(temp.resolve("shm").resolve("aeron"));
        try (SmallFileSystem shm = SmallFileSystem.mount(temp.resolve("shm"), FULL_MIB))
        {
            final DiskFullException refused = assertThrows(DiskFullException.class, () -> TimelineNode.launch(config));
            assertTrue(refused.getMessage().startsWith("the disk of " + config.aeronDirectory() + " is full: "),
                refused.getMessage());
            assertTrue(refused.getMessage().contains("keeps free for its media driver's buffers"), refused.getMessage());
            try (Stream<Path> files = Files.list(data))
            {
                assertEquals(List.of(data.resolve("member.lock")), files.toList(), "nothing but the released lock");
            }

            shm.resize((int)(MemberContexts.aeronReserve(config) >> 20) + FULL_MIB);
            try (TimelineNode node = TimelineNode.launch(config))
            {
                final long id = node.post(1, "posted once there was room");
                assertEquals(id, node.tweets(1, 10).get(0).id());
            }
        }
    }
}
