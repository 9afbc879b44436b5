package dev.timeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timeline.cluster.Members;
import dev.timeline.cluster.NodeConfig;
import dev.timeline.cluster.SharedSecret;
import dev.timeline.engine.Tweet;
import io.aeron.cluster.service.Cluster;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One member of a cluster in a child process, {@code timeline node --shell --json}: talked to through
 * its standard input and output, its role followed through the lines it prints on stderr, each with
 * the time it took the role. It can be started again after it stopped, on the same data directory.
 * <p>
 * One thread talks to it; the role lines are read on a thread of their own.
 */
final class MemberProcess
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROLE_LINE = Pattern.compile("(\\S+) timeline node \\d+: (leader|follower|candidate)");
    private static final int KEPT_LINES = 10;

    private final int id;
    private final Members members;
    private final Path data;
    private final String secret;
    private final Path aeronDirectory;
    private final List<RoleChange> roles = new ArrayList<>();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private Process process;
    private BufferedWriter stdin;
    private BufferedReader stdout;
    private boolean ended;

    /** A role the member took, and when, as it said on stderr. */
    record RoleChange(Instant time, Cluster.Role role)
    {
    }

    /**
     * @param secret the cluster's secret, which the child takes from its environment.
     */
    MemberProcess(final int id, final Members members, final Path data, final String secret)
    {
        this.id = id;
        this.members = members;
        this.data = data;
        this.secret = secret;
        this.aeronDirectory = NodeConfig.defaultAeronDirectory(members, id);
    }

    int id()
    {
        return id;
    }

    Path data()
    {
        return data;
    }

    /** Starts the member, or starts it again once it has stopped. */
    synchronized void start() throws IOException
    {
        final ProcessBuilder builder = new ProcessBuilder(TimelineCommandLine.of(List.of("node", "--id", String.valueOf(id),
            "--members", members.toString(), "--data", data.toString(), "--shell", "--json")));
        builder.environment().put(SharedSecret.ENVIRONMENT, secret);
        process = builder.start();
        stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        ended = false;
        final Process started = process;
        final BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        final Thread reader = new Thread(() -> readStderr(started, stderr), "member-" + id + "-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    long pid()
    {
        return process.pid();
    }

    /**
     * Sends one shell line and reads the one JSON object that answers it.
     *
     * @throws CliException if the member ended instead, with what it said last.
     */
    JsonNode send(final String line) throws IOException
    {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
        final String reply = stdout.readLine();
        if (null == reply)
        {
            throw new CliException("member " + id + " ended instead of answering '" + line + "'" + lastWords());
        }
        return JSON.readTree(reply);
    }

    /**
     * Waits until the member applied every write the cluster committed before.
     *
     * @throws CliException if it answers with an error.
     */
    void sync() throws IOException
    {
        answer("sync");
    }

    /** The newest {@code limit} tweets of {@code user}'s home timeline, read from the member's replica. */
    List<Tweet> home(final long user, final int limit)
    {
        return read("home", user, limit);
    }

    /** The newest {@code limit} of {@code user}'s own tweets, read from the member's replica. */
    List<Tweet> tweets(final long user, final int limit)
    {
        return read("tweets", user, limit);
    }

    /** The member's role now, as it last said, or null before it said. */
    synchronized Cluster.Role role()
    {
        return roles.isEmpty() || ended ? null : roles.get(roles.size() - 1).role();
    }

    /**
     * Waits until the member says it took {@code role} at {@code since} or later, or it ends, or the
     * timeout passes.
     *
     * @return when it took the role, or null if it did not.
     */
    synchronized Instant awaitRole(final Cluster.Role role, final Instant since, final long timeoutMillis)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int seen = 0;
        while (true)
        {
            for (; seen < roles.size(); seen++)
            {
                final RoleChange change = roles.get(seen);
                if (change.role() == role && !change.time().isBefore(since))
                {
                    return change.time();
                }
            }
            final long left = deadline - System.nanoTime();
            if (ended || left <= 0)
            {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Kills the member at once, as {@code kill -9} does, and waits until it is gone. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly().waitFor();
    }

    /** Asks the member to stop with SIGTERM, which lets it take a snapshot and leave; returns at once. */
    void terminate()
    {
        if (process != null)
        {
            process.destroy();
        }
    }

    /**
     * Waits until the member has stopped, killing it if it is still there at {@code deadlineNanos}
     * ({@link System#nanoTime()}); then removes what a killed member leaves of its media driver.
     */
    void awaitStop(final long deadlineNanos) throws InterruptedException
    {
        if (null == process)
        {
            return;
        }
        if (!process.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS))
        {
            process.destroyForcibly().waitFor();
        }
        try
        {
            DataDirectories.delete(aeronDirectory);
        }
        catch (final IOException ex)
        {
            // the driver's buffers are recreated at its next start: nothing is lost
        }
    }

    private List<Tweet> read(final String timeline, final long user, final int limit)
    {
        try
        {
            final List<Tweet> tweets = new ArrayList<>();
            for (final JsonNode tweet : answer(timeline + " " + user + " " + limit).get("tweets"))
            {
                tweets.add(new Tweet(tweet.get("id").asLong(), tweet.get("author").asLong(), tweet.get("text").asText(),
                    Instant.parse(tweet.get("time").asText())));
            }
            return tweets;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Sends {@code line} and returns its answer, which must not be an error. */
    private JsonNode answer(final String line) throws IOException
    {
        final JsonNode answer = send(line);
        if (answer.has("error"))
        {
            throw new CliException("member " + id + " answered '" + line + "' with: " + answer.get("error").asText());
        }
        return answer;
    }

    /** What the member last said on stderr, to explain why it ended. */
    synchronized String lastWords()
    {
        return lastLines.isEmpty() ? "" : "; it said last: " + String.join(" | ", lastLines);
    }

    private void readStderr(final Process started, final BufferedReader stderr)
    {
        try
        {
            String line;
            while ((line = stderr.readLine()) != null)
            {
                heard(line);
            }
        }
        catch (final IOException ex)
        {
            heard("(its stderr could not be read: " + ex.getMessage() + ")");
        }
        finally
        {
            synchronized (this)
            {
                ended |= process == started;
                notifyAll();
            }
        }
    }

    private synchronized void heard(final String line)
    {
        final Matcher role = ROLE_LINE.matcher(line);
        if (role.matches())
        {
            roles.add(new RoleChange(Instant.parse(role.group(1)), Cluster.Role.valueOf(role.group(2).toUpperCase(Locale.ROOT))));
            notifyAll();
        }
        if (lastLines.size() == KEPT_LINES)
        {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }
}
