package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeline.cluster.Members;
import dev.timeline.cluster.SharedSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code timeline node} in a child JVM: a cluster of one member, which leads itself, answering its
 * shell until the end of its input; and the mistakes it refuses.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class NodeCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aMemberAnswersItsShellLineByLineAndStopsCleanlyAtTheEndOfInput() throws Exception
    {
        final Members members = Members.onLoopback(1);
        final CliProcess run = CliProcess.run(node(members, "--shell", "--json"), String.join("\n",
            "follow 1 2",
            "post 2 hello from a member",
            "home 1",
            "sync",
            "home ten",
            "",
            "delete 99",
            "sync now"));

        assertEquals(0, run.exitCode(), run.stderr());
        final List<JsonNode> replies = new ArrayList<>();
        for (final String line : run.stdoutLines())
        {
            replies.add(JSON.readTree(line));
        }
        assertEquals(8, replies.size(), run.stdout());
        assertEquals("{\"ok\":true}", replies.get(0).toString());
        final long id = replies.get(1).get("id").asLong();
        assertEquals(id, replies.get(2).get("tweets").get(0).get("id").asLong(), "a member reads its own writes");
        assertEquals("hello from a member", replies.get(2).get("tweets").get(0).get("text").asText());
        assertEquals("{\"ok\":true}", replies.get(3).toString());
        for (final JsonNode error : replies.subList(4, 8))
        {
            assertTrue(error.has("error"), error.toString());
        }
        assertTrue(run.stderrLines().stream().anyMatch(line -> line.endsWith(" timeline node 0: leader")), run.stderr());
        assertTrue(run.stderrLines().get(run.stderrLines().size() - 1).endsWith(" timeline node 0: stopped"), run.stderr());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
    }

    @Test
    void aMemberWithoutASecretIsAUsageError() throws Exception
    {
        final ProcessBuilder node = node(Members.onLoopback(3));
        node.environment().remove(SharedSecret.ENVIRONMENT);
        final CliProcess run = CliProcess.run(node, "");

        assertEquals(2, run.exitCode(), run.stderr());
        assertEquals(List.of("timeline node: a cluster secret is required: --secret-file FILE, or the environment " +
            "variable TIMELINE_CLUSTER_SECRET (see 'timeline node --help')"), run.stderrLines());
        assertFalse(Files.exists(temp.resolve("member")), "nothing was created");
    }

    @Test
    void aSecretFileThatCannotBeReadIsAFailureWithOneLine()
    {
        final CliRun run = CliRun.run("node", "--id", "0", "--members", "localhost:20000", "--data",
            temp.resolve("member").toString(), "--secret-file", temp.resolve("none").toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("timeline: cannot read the cluster secret from " + temp.resolve("none")), run.err());
    }

    /** {@code timeline node --id 0} of {@code members}, its data in {@code temp/member}, the secret in its environment. */
    private ProcessBuilder node(final Members members, final String... options)
    {
        final List<String> args = new ArrayList<>(List.of(
            "node", "--id", "0", "--members", members.toString(), "--data", temp.resolve("member").toString()));
        args.addAll(List.of(options));
        final ProcessBuilder builder = new ProcessBuilder(TimelineCommandLine.of(args));
        builder.environment().put(SharedSecret.ENVIRONMENT, "node test secret");
        return builder;
    }
}
