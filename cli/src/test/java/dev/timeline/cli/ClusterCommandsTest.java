package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeline.cluster.Members;
import io.aeron.cluster.service.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three {@code timeline node --shell --json} processes on loopback, and the commands that look at
 * them: {@code timeline stat} shows each member's role and positions. The members are stopped after
 * each test, killed if they linger.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterCommandsTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "cluster commands test secret";

    @TempDir
    Path temp;

    private Members members;
    private MemberProcesses processes;

    @BeforeEach
    void startThreeMembers() throws Exception
    {
        members = LoopbackMembers.pick(3);
        processes = new MemberProcesses(members, temp.resolve("members"), false, SECRET);
        for (final MemberProcess member : processes.all())
        {
            member.start();
        }
        while (processes.all().stream().noneMatch(member -> member.role() == Cluster.Role.LEADER))
        {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    @AfterEach
    void stopTheMembers() throws Exception
    {
        processes.close();
    }

    @Test
    void statShowsEachMembersRoleTheLeaderAndItsLogPositions() throws Exception
    {
        processes.get(0).send("post 7 a write to move the log on");
        final List<JsonNode> stats = new ArrayList<>();
        for (final MemberProcess member : processes.all())
        {
            member.sync();
            stats.add(statUntilTheLeaderIsKnown(member.data()).get("member"));
        }
        final List<JsonNode> leaders = stats.stream().filter(stat -> "leader".equals(stat.get("role").asText())).toList();
        assertEquals(1, leaders.size(), stats.toString());
        final int leader = leaders.get(0).get("memberId").asInt();
        for (int id = 0; id < stats.size(); id++)
        {
            final JsonNode stat = stats.get(id);
            assertEquals(id, stat.get("memberId").asInt());
            assertTrue(stat.get("alive").asBoolean());
            assertEquals(processes.get(id).pid(), stat.get("pid").asLong());
            assertEquals(id == leader ? "leader" : "follower", stat.get("role").asText(), stat.toString());
            assertEquals(leader, stat.get("leaderMemberId").asInt(), stat.toString());
            assertTrue(stat.get("leadershipTermId").asLong() >= 0, stat.toString());
            assertEquals("active", stat.get("consensusModuleState").asText());
            assertTrue(stat.get("appliedPosition").asLong() > 0, stat.toString());
            assertTrue(stat.get("appendedPosition").asLong() >= stat.get("appliedPosition").asLong(), stat.toString());
            assertTrue(stat.get("commitPosition").asLong() >= stat.get("appliedPosition").asLong(), stat.toString());
        }

        final CliRun text = CliRun.run("stat", processes.get(leader).data().toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("member " + leader + " on "), text.out());
        assertTrue(text.out().matches("(?s).*\n  role +leader\n.*"), text.out());
        assertTrue(text.out().matches("(?s).*\n  applied position \\(this replica\\) +[0-9,]+\n.*"), text.out());
    }

    /** {@code timeline stat --json} on {@code data}, again until it says which member leads. */
    private static JsonNode statUntilTheLeaderIsKnown(final Path data) throws Exception
    {
        while (true)
        {
            final CliRun run = CliRun.run("stat", data.toString(), "--json");
            assertEquals(0, run.exitCode(), run.err());
            final JsonNode stat = JSON.readTree(run.out());
            assertNotNull(stat.get("member"), stat.toString());
            if (!stat.get("member").get("leaderMemberId").isNull())
            {
                return stat;
            }
        }
    }
}
