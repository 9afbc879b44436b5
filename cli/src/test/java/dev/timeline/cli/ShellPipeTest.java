package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code timeline shell --json} in a child JVM, talked to through its standard input and output:
 * each line is answered at once, and an answer means the write survives the process being killed.
 */
@Timeout(120)
class ShellPipeTest
{
    @TempDir
    Path data;

    @Test
    void answersEachLineAsItArrivesAndKeepsTextExactly() throws Exception
    {
        try (ShellProcess shell = ShellProcess.start(data))
        {
            assertEquals("{\"ok\":true}", shell.send("follow 10 20").toString());
            final String text = "\ttabs\tand  spaces, emoji 🚀👍🏽, ünïcödé, 東京 ";
            final long id = shell.send("post 20 " + text).get("id").asLong();
            final JsonNode home = shell.send("home 10").get("tweets");
            assertEquals(1, home.size());
            assertEquals(id, home.get(0).get("id").asLong());
            assertEquals(20, home.get(0).get("author").asLong());
            assertEquals(text, home.get(0).get("text").asText());

            assertTrue(shell.send("home ten").has("error"));
            assertTrue(shell.send("").has("error"));
            assertEquals("{\"ok\":true}", shell.send("delete " + id).toString());
            assertEquals("{\"tweets\":[]}", shell.send("tweets 20").toString());
            assertEquals("{\"ok\":true}", shell.send("unfollow 10 20").toString());

            shell.stdin.close();
            assertEquals(0, shell.process.waitFor(), "end of input closes the engine and exits 0");
            assertNull(shell.stdout.readLine());
        }
    }

    @Test
    void anAnsweredWriteSurvivesTheProcessBeingKilled() throws Exception
    {
        final long id;
        try (ShellProcess first = ShellProcess.start(data))
        {
            first.send("follow 1 2");
            id = first.send("post 2 written before the kill ✓").get("id").asLong();
            first.kill();
            assertFalse(first.process.isAlive());
        }

        try (ShellProcess second = ShellProcess.start(data))
        {
            final JsonNode home = second.send("home 1").get("tweets");
            assertEquals(1, home.size());
            assertEquals(id, home.get(0).get("id").asLong());
            assertEquals("written before the kill ✓", home.get(0).get("text").asText());
            assertTrue(second.send("post 2 after the restart").get("id").asLong() > id, "ids keep going up");
            second.write("quit");
            assertEquals(0, second.process.waitFor());
        }
    }
}
