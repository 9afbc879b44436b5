package dev.timeline.cluster;

import dev.timeline.engine.Tweet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Three members in one process: a write on any member is applied on every member, in the same order. */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreeNodesTest
{
    @TempDir
    Path data;

    @Test
    void aWriteOnAnyMemberReadsTheSameOnEveryMember()
    {
        final Members members = LocalCluster.members(3);
        final List<TimelineNode> nodes = new ArrayList<>();
        try
        {
            for (int id = 0; id < 3; id++)
            {
                nodes.add(TimelineNode.launch(LocalCluster.config(members, id, data.resolve("m" + id))));
            }
            nodes.get(0).follow(1, 2);
            final long id = nodes.get(1).post(2, "hello from member 1");
            assertEquals(id, nodes.get(1).home(1, 10).get(0).id(), "read-your-writes on the member that wrote");
            for (final TimelineNode node : nodes)
            {
                node.sync();
                final List<Tweet> home = node.home(1, 10);
                assertEquals(1, home.size(), "member " + node.memberId());
                assertEquals("hello from member 1", home.get(0).text());
            }
        }
        finally
        {
            nodes.forEach(TimelineNode::close);
        }
    }
}
