package dev.timeline.cluster;

import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import dev.timeline.engine.TimelineException;
import dev.timeline.engine.TimelineView;
import dev.timeline.engine.Timelines;
import dev.timeline.engine.Tweet;
import dev.timeline.engine.status.Counter;
import dev.timeline.engine.status.CountersFile;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.client.ArchiveException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three members in one process: a write on any member is applied on every member, in the same order;
 * a client without the secret, at the cluster or at a member's archive, and bad input are refused
 * and change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreeNodesTest
{
    private final Members members = Members.onLoopback(3);
    private final List<TimelineNode> nodes = new ArrayList<>();

    private Path data;

    @BeforeAll
    void launch(@TempDir final Path data)
    {
        this.data = data;
        for (int id = 0; id < 3; id++)
        {
            nodes.add(TimelineNode.launch(LocalCluster.config(members, id, data.resolve("m" + id))));
        }
    }

    @AfterAll
    void close()
    {
        nodes.forEach(TimelineNode::close);
    }

    @Test
    void aWriteOnAnyMemberReadsTheSameOnEveryMember()
    {
        nodes.get(0).follow(1, 2);
        final long id = nodes.get(1).post(2, "hello from member 1");
        assertEquals(id, nodes.get(1).home(1, 10).get(0).id(), "read-your-writes on the member that wrote");
        for (final TimelineNode node : nodes)
        {
            node.sync();
            final List<Tweet> home = node.home(1, 10);
            assertEquals(1, home.size(), "member " + node.memberId());
            assertEquals("hello from member 1", home.get(0).text());
            final TimelineView view = new TimelineView();
            assertEquals(1, node.homeView(1, 10, Long.MAX_VALUE, view));
            assertEquals(home, view.toList(), "a view of the replica reads as a copy does");
        }
    }

    @Test
    void eachMemberPublishesItsCountersForTimelineStat() throws InterruptedException
    {
        nodes.get(0).follow(30, 31);
        nodes.get(0).post(31, "counted");
        nodes.get(0).home(30, 10);
        try (CountersFile counters = CountersFile.open(data.resolve("m0")))
        {
            while (counters.get(Counter.POSTS) < 1 || counters.get(Counter.HOME_READS) < 1 ||
                counters.get(Counter.HEARTBEAT) == 0)
            {
                Thread.sleep(1);
            }
            assertTrue(counters.get(Counter.FOLLOWS) >= 1);
            assertTrue(counters.get(Counter.USERS) >= 2);
            assertEquals(-1, counters.get(Counter.JOURNAL_INDEX), "a member has no journal");
        }
    }

    @Test
    void aClientWithoutTheSecretIsRefusedAndChangesNothing()
    {
        try (TimelineClient stranger = TimelineClient.connect(
            new ClientConfig().members(members).secret(SharedSecret.of("not the secret")).timeout(Duration.ofMinutes(1))))
        {
            final TimelineException refused = assertThrows(TimelineException.class, () -> stranger.follow(10, 11));
            assertEquals("the cluster refused this client: wrong or missing secret", refused.getMessage());
        }
        final ArchiveException refused = assertThrows(
            ArchiveException.class, () -> AeronArchive.connect(archiveOfMember1(SharedSecret.of("not the secret"))));
        assertTrue(refused.getMessage().contains("authentication rejected"), refused.getMessage());
        AeronArchive.connect(archiveOfMember1(LocalCluster.SECRET)).close();
        nodes.get(2).post(11, "only followers see this");
        nodes.get(2).sync();
        assertEquals(List.of(), nodes.get(2).home(10, 10), "the refused follow was not applied");
    }

    @Test
    void badInputGetsTheEmbeddedEnginesErrorsAndChangesNothing(@TempDir final Path embedded)
    {
        final List<Consumer<Timelines>> bad = List.of(
            t -> t.follow(20, 20),
            t -> t.unfollow(-1, 20),
            t -> t.post(20, "x".repeat(281)),
            t -> t.post(-5, "hi"),
            t -> t.delete(-1),
            t -> t.delete(Long.MAX_VALUE),
            t -> t.home(20, 0),
            t -> t.tweets(20, 10, -1));
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(embedded));
            TimelineClient client = TimelineClient.connect(
                new ClientConfig().members(members).secret(LocalCluster.SECRET).timeout(Duration.ofMinutes(2))))
        {
            for (final Consumer<Timelines> write : bad)
            {
                final Throwable expected = thrown(() -> write.accept(engine));
                for (final Timelines target : List.of(client, nodes.get(0)))
                {
                    final Throwable actual = thrown(() -> write.accept(target));
                    assertEquals(expected.getClass(), actual.getClass(), actual.toString());
                    assertEquals(expected.getMessage(), actual.getMessage());
                }
            }
            client.follow(21, 20);
            nodes.get(1).sync();
            assertEquals(List.of(), nodes.get(1).tweets(20, 10), "nothing refused was applied");
            assertTrue(client.home(21, 10).isEmpty());
        }
    }

    /** A client of member 1's archive, from another host's view: over UDP, through member 0's media driver. */
    private AeronArchive.Context archiveOfMember1(final SharedSecret secret)
    {
        return new AeronArchive.Context()
            .aeronDirectoryName(LocalCluster.config(members, 0, Path.of("m0")).conclude().aeronDirectory().toString())
            .controlRequestChannel("aeron:udp?endpoint=" + members.endpoint(1, Members.ARCHIVE_CONTROL))
            .controlResponseChannel("aeron:udp?endpoint=localhost:0")
            .credentialsSupplier(secret.credentials());
    }

    private static Throwable thrown(final Executable executable)
    {
        return assertThrows(RuntimeException.class, executable);
    }
}
