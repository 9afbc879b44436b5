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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three {@code timeline node --shell --json} processes on loopback, and the commands that talk to
 * them: a write on one member is read on another once it synced, and by a client through the log;
 * {@code timeline stat} shows each member's role and positions; {@code timeline load --cluster}
 * reports a result. The members are stopped after each test, killed if they linger.
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
    private Path secretFile;

    @BeforeEach
    void startThreeMembers() throws Exception
    {
        members = Members.onLoopback(3);
        processes = new MemberProcesses(members, temp.resolve("members"), false, SECRET);
        for (final MemberProcess member : processes.all())
        {
            member.start();
        }
        secretFile = Files.writeString(temp.resolve("secret"), SECRET + "\n");
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
    void aWriteOnOneMemberReadsTheSameOnAnotherAndThroughAClient() throws Exception
    {
        final MemberProcess writer = processes.get(0);
        final MemberProcess reader = processes.get(1);
        assertEquals("{\"ok\":true}", writer.send("follow 1 2").toString());
        final long id = writer.send("post 2 written on member 0").get("id").asLong();
        assertEquals("{\"ok\":true}", reader.send("sync").toString());
        final JsonNode home = reader.send("home 1").get("tweets");
        assertEquals(1, home.size(), home.toString());
        assertEquals(id, home.get(0).get("id").asLong());
        assertEquals("written on member 0", home.get(0).get("text").asText());

        for (final String bad : List.of("home ten", "", "post 2", "sync now", "frobnicate"))
        {
            assertTrue(reader.send(bad).has("error"), "'" + bad + "' is answered with one error line");
        }
        assertEquals(home, reader.send("home 1").get("tweets"), "an error changes nothing");

        final CliRun client = CliRun.runWithInput("home 1\nsync\npost 3 from a client\n",
            "shell", "--cluster", members.toString(), "--secret-file", secretFile.toString(), "--json");
        assertEquals(0, client.exitCode(), client.err());
        final List<JsonNode> replies = jsonLines(client.out());
        assertEquals(3, replies.size(), client.out());
        assertEquals(home, replies.get(0).get("tweets"), "a client reads through the log");
        assertTrue(replies.get(1).has("error"), "sync is for a member: " + replies.get(1));
        final long clientPost = replies.get(2).get("id").asLong();

        final MemberProcess third = processes.get(2);
        third.sync();
        assertEquals(clientPost, third.tweets(3, 10).get(0).id());
        assertEquals(id, third.home(1, 10).get(0).id());
    }

    @Test
    void aShellWithTheWrongSecretIsToldSoForEachCommandAndExitsWithAnError() throws Exception
    {
        final Path wrong = Files.writeString(temp.resolve("wrong secret"), "not " + SECRET + "\n");
        final CliRun client = CliRun.runWithInput("post 3 never applied\nhome 3\n",
            "shell", "--cluster", members.toString(), "--secret-file", wrong.toString(), "--json");
        assertEquals(1, client.exitCode(), client.out());
        assertEquals("timeline: the cluster refused this client: wrong or missing secret\n", client.err());
        final List<JsonNode> replies = jsonLines(client.out());
        assertEquals(2, replies.size(), client.out());
        for (final JsonNode reply : replies)
        {
            assertTrue(reply.get("error").asText().contains("wrong or missing secret"), reply.toString());
        }
        processes.get(0).sync();
        assertEquals(0, processes.get(0).tweets(3, 10).size(), "nothing the refused client sent was applied");
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

    @Test
    void loadThroughAClientReportsItsResult() throws Exception
    {
        final Path histogramLog = temp.resolve("load.hlog");
        final CliRun run = CliRun.run("load", "--cluster", members.toString(), "--secret-file", secretFile.toString(),
            "--users", "200", "--prefill", "1", "--rate", "100", "--mix", "1:1", "--warmup", "0", "--duration", "2",
            "--json", "--histogram-log", histogramLog.toString());

        final JsonNode result = JSON.readTree(run.out());
        assertEquals(result.get("rateHeld").asBoolean() ? 0 : 1, run.exitCode(), run.err());
        assertEquals(members.toString(), result.get("cluster").asText());
        assertTrue(result.get("strategy").isNull(), "the cluster's strategy is its members'");
        assertEquals(200, result.get("users").asInt());
        assertTrue(result.get("reads").get("count").asLong() + result.get("posts").get("count").asLong() > 0, run.out());
        assertTrue(run.err().contains("reads: through the cluster's log"), run.err());
        assertTrue(Files.size(histogramLog) > 0);
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

    private static List<JsonNode> jsonLines(final String out) throws Exception
    {
        final List<JsonNode> nodes = new ArrayList<>();
        for (final String line : out.lines().toList())
        {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
