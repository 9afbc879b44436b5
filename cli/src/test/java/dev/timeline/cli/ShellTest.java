package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeline.engine.EngineConfig;
import dev.timeline.engine.TimelineEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's language, driven in-process; {@link ShellPipeTest} drives it through real pipes. */
class ShellTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void answersEveryLineWithOneJsonObject() throws Exception
    {
        final List<JsonNode> replies = json(
            "follow 1 2",
            "post 2 hello world",
            "post 1 my own",
            "home 1",
            "tweets 2",
            "unfollow 1 2",
            "home 1");

        assertEquals(7, replies.size());
        assertEquals("{\"ok\":true}", replies.get(0).toString());
        final long hello = replies.get(1).get("id").asLong();
        final long own = replies.get(2).get("id").asLong();
        assertTrue(own > hello, "ids follow posting order");

        final JsonNode home = replies.get(3).get("tweets");
        assertEquals(2, home.size());
        assertTweet(home.get(0), own, 1, "my own");
        assertTweet(home.get(1), hello, 2, "hello world");
        assertEquals(1, replies.get(4).get("tweets").size());
        assertEquals("{\"ok\":true}", replies.get(5).toString());
        assertEquals(1, replies.get(6).get("tweets").size(), "no ghost of the unfollowed author");
    }

    @Test
    void readsTakeALimitAndAnIdToPageBefore() throws Exception
    {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++)
        {
            lines.add("post 9 tweet " + i);
        }
        lines.add("tweets 9");
        lines.add("tweets 9 3");
        final List<JsonNode> replies = json(lines.toArray(new String[0]));
        assertEquals(ShellInterpreter.DEFAULT_LIMIT, replies.get(30).get("tweets").size());
        final JsonNode newestThree = replies.get(31).get("tweets");
        assertEquals("tweet 29", newestThree.get(0).get("text").asText());
        assertEquals("tweet 27", newestThree.get(2).get("text").asText());

        final List<JsonNode> page = json("tweets 9 2 " + newestThree.get(2).get("id").asText(), "delete " +
            newestThree.get(0).get("id").asText(), "tweets 9 1");
        assertEquals("tweet 26", page.get(0).get("tweets").get(0).get("text").asText());
        assertEquals("tweet 25", page.get(0).get("tweets").get(1).get("text").asText());
        assertEquals("{\"ok\":true}", page.get(1).toString());
        assertEquals("tweet 28", page.get(2).get("tweets").get(0).get("text").asText(), "the deleted tweet is gone");
    }

    @Test
    void keepsTheTextExactlyAsTheRestOfTheLine() throws Exception
    {
        final String[] texts = { "\ttabbed  and  spaced\t", " leading space", "trailing space ", "emoji 🎉👩‍💻 ünïcödé 東京",
            "quotes \" and \\ backslash", "{\"looks\":\"like json\"}" };
        final List<String> lines = new ArrayList<>();
        for (final String text : texts)
        {
            lines.add("post 4 " + text);
        }
        lines.add("tweets 4 " + texts.length);
        final List<JsonNode> replies = json(lines.toArray(new String[0]));
        final JsonNode tweets = replies.get(texts.length).get("tweets");
        for (int i = 0; i < texts.length; i++)
        {
            assertEquals(texts[texts.length - 1 - i], tweets.get(i).get("text").asText());
        }
    }

    @Test
    void answersInvalidLinesWithAnErrorAndCarriesOn() throws Exception
    {
        final List<JsonNode> replies = json(
            "",
            "   ",
            "fly 1 2",
            "follow 1",
            "follow 1 x",
            "follow 1 1",
            "follow -5 2",
            "post 1",
            "post x hi",
            "post 1 ",
            "post 1 " + "x".repeat(281),
            "home 1 0",
            "home 1 201",
            "home 1 5 7 9",
            "delete 12345",
            "help now",
            "post 3 still alive");

        assertEquals(17, replies.size());
        for (int i = 0; i < 16; i++)
        {
            assertTrue(replies.get(i).has("error"), "line " + i + ": " + replies.get(i));
            assertEquals(1, replies.get(i).size(), replies.get(i).toString());
            assertTrue(!replies.get(i).get("error").asText().isBlank());
        }
        assertTrue(replies.get(2).get("error").asText().contains("unknown command 'fly'"));
        assertTrue(replies.get(4).get("error").asText().contains("'x'"));
        assertTrue(replies.get(12).get("error").asText().contains("1..200"));
        assertTrue(replies.get(16).has("id"));
    }

    @Test
    void helpListsTheCommandsAndQuitStopsReading() throws Exception
    {
        final List<JsonNode> replies = json("help", "quit", "post 1 never read");
        assertEquals(1, replies.size());
        assertEquals(ShellInterpreter.COMMANDS.size(), replies.get(0).get("help").size());
        assertEquals("{\"tweets\":[]}", json("tweets 1").get(0).toString());
    }

    @Test
    void withoutJsonAnswersInWords()
    {
        final CliRun run = CliRun.runWithInput("post 5 hi there\n\nhome 5\nhome 6\n  \nbad\nhelp\n",
            "shell", "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        final List<String> lines = run.outLines();
        assertTrue(lines.get(0).matches("posted \\d+"), lines.get(0));
        assertTrue(lines.get(1).matches("\\S+Z {2}@5: hi there {3}\\[\\d+]"), lines.get(1));
        assertEquals("(no tweets)", lines.get(2));
        assertTrue(lines.get(3).startsWith("error: unknown command 'bad'"), lines.get(3));
        assertTrue(lines.get(4).startsWith("follow A B"), lines.get(4));
        assertTrue(!run.out().contains("timeline>"), "no prompt when input is not a terminal");
    }

    @Test
    void aDataDirectoryInUseIsAFailureWithOneLine()
    {
        try (TimelineEngine engine = TimelineEngine.open(new EngineConfig().dataDirectory(data)))
        {
            final CliRun run = CliRun.runWithInput("post 1 hi\n", "shell", "--json", "--data", data.toString());
            assertEquals(1, run.exitCode());
            assertEquals("", run.out());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().startsWith("timeline: ") && run.err().contains(data.toString()), run.err());
            assertTrue(engine.tweets(1, 1).isEmpty());
        }
    }

    @Test
    void engineOptionsAreCheckedAndNamedAsOnTheCommandLine()
    {
        final CliRun capacity = CliRun.run("shell", "--data", data.toString(), "--capacity", "0");
        assertEquals(2, capacity.exitCode());
        assertEquals(List.of("timeline shell: --capacity must be 1..65536, was 0 (see 'timeline shell --help')"),
            capacity.errLines());

        final CliRun threshold = CliRun.run("shell", "--data", data.toString(), "--celebrity-threshold", "-1");
        assertEquals(2, threshold.exitCode());
        assertTrue(threshold.err().startsWith("timeline shell: --celebrity-threshold must be at least 1, was -1"),
            threshold.err());
    }

    @Test
    void aPartitionedDirectoryAnswersAlikeAndKeepsItsCount() throws Exception
    {
        final String script = "follow 1 2\nfollow 3 2\npost 2 shared\npost 1 own\nhome 1\nhome 3\n";
        final CliRun partitioned = CliRun.runWithInput(
            script, "shell", "--json", "--data", data.toString(), "--partitions", "3");
        assertEquals(0, partitioned.exitCode(), partitioned.err());
        final List<String> replies = partitioned.outLines();
        assertEquals(2, JSON.readTree(replies.get(4)).get("tweets").size(), replies.get(4));
        assertEquals("shared", JSON.readTree(replies.get(5)).get("tweets").get(0).get("text").asText());

        final List<JsonNode> reopened = json("home 1");
        assertEquals(JSON.readTree(replies.get(4)), reopened.get(0), "reopened without a count, the directory's is used");

        final CliRun other = CliRun.runWithInput("home 1\n", "shell", "--data", data.toString(), "--partitions", "2");
        assertEquals(1, other.exitCode());
        assertEquals(List.of("timeline: " + data + " was written with 3 partition(s), not 2; open it with partitions = 3" +
            " (or leave the count unset)"), other.errLines());

        final CliRun tooMany = CliRun.run("shell", "--data", data.toString(), "--partitions", "65");
        assertEquals(2, tooMany.exitCode());
        assertTrue(tooMany.err().startsWith("timeline shell: --partitions must be 1..64, was 65"), tooMany.err());
    }

    private List<JsonNode> json(final String... lines) throws Exception
    {
        final CliRun run = CliRun.runWithInput(String.join("\n", lines) + "\n", "shell", "--json", "--data", data.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        final List<JsonNode> replies = new ArrayList<>();
        for (final String line : run.outLines())
        {
            replies.add(JSON.readTree(line));
        }
        return replies;
    }

    private static void assertTweet(final JsonNode tweet, final long id, final long author, final String text)
    {
        assertEquals(id, tweet.get("id").asLong());
        assertEquals(author, tweet.get("author").asLong());
        assertEquals(text, tweet.get("text").asText());
        final Instant time = Instant.parse(tweet.get("time").asText());
        assertEquals(dev.timeline.engine.TweetIds.timeMillis(id), time.toEpochMilli());
    }
}
