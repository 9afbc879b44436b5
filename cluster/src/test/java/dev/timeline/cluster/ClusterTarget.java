package dev.timeline.cluster;

import dev.timeline.engine.Timelines;
import dev.timeline.engine.model.ModelTarget;
import dev.timeline.engine.model.ReferenceTimelines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Three members and a client as a model target. A write goes through any member or the client; a
 * read goes to any member once it has synced, or through the client's log. A recovery restarts
 * every member in turn, the cluster going on with the other two meanwhile.
 */
final class ClusterTarget implements ModelTarget
{
    private final Members members = Members.onLoopback(3);
    private final Path data;
    private final List<TimelineNode> nodes = new ArrayList<>();
    private final TimelineClient client;
    private int recoveries;

    ClusterTarget(final Path data)
    {
        this.data = data;
        for (int id = 0; id < members.count(); id++)
        {
            nodes.add(TimelineNode.launch(config(id)));
        }
        client = TimelineClient.connect(new ClientConfig().members(members).secret(LocalCluster.SECRET));
    }

    @Override
    public Timelines writer(final Random random)
    {
        final int choice = random.nextInt(nodes.size() + 1);
        return choice == nodes.size() ? client : nodes.get(choice);
    }

    @Override
    public Timelines reader(final Random random)
    {
        final int choice = random.nextInt(nodes.size() + 1);
        if (choice == nodes.size())
        {
            return client;
        }
        final TimelineNode node = nodes.get(choice);
        node.sync();
        return node;
    }

    @Override
    public void recover()
    {
        for (int id = 0; id < nodes.size(); id++)
        {
            nodes.get(id).close();
            nodes.set(id, TimelineNode.launch(config(id)));
        }
        recoveries++;
    }

    @Override
    public void assertSameCounts(final ReferenceTimelines reference, final String where)
    {
        for (final TimelineNode node : nodes)
        {
            node.sync();
            assertEquals(reference.liveTweetCount(), node.stats().tweets(), where + ": live tweets on member " + node.memberId());
            assertEquals(reference.followCount(), node.stats().follows(), where + ": follows on member " + node.memberId());
        }
    }

    @Override
    public void close()
    {
        client.close();
        nodes.forEach(TimelineNode::close);
    }

    @Override
    public String toString()
    {
        return "3 members, " + recoveries + " rolling restarts";
    }

    private NodeConfig config(final int id)
    {
        return LocalCluster.config(members, id, data.resolve("m" + id));
    }
}
