package dev.timeline.cluster;

import dev.timeline.engine.TimelineException;
import dev.timeline.engine.Tweet;
import io.aeron.cluster.service.Cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One member in a process of its own, driven through its standard streams, for tests and probes
 * that kill members: {@code MemberMain ID MEMBERS DIR [SETTING=VALUE...]}, the settings
 * {@code term} (log term bytes), {@code heartbeat} (leader heartbeat timeout, ms), {@code capacity},
 * {@code threshold} and {@code park} (idle max park, µs) of {@link NodeConfig}, the secret from
 * {@value SharedSecret#ENVIRONMENT}. It prints {@code role ROLE} at each role change
 * and answers each line of standard input: {@code sync} with {@code synced}; {@code texts AUTHOR}
 * with the id and text of every tweet of AUTHOR in its replica, newest first, one per line, then
 * {@code end}. It closes cleanly on SIGTERM or at the end of its input; people run members with
 * {@code timeline node} instead. A member that cannot start, or that stops applying the log (its
 * disk full, its direct memory out), says why in one line on standard error and exits with 1.
 */
public final class MemberMain
{
    private MemberMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final NodeConfig config = new NodeConfig()
            .memberId(Integer.parseInt(args[0]))
            .members(Members.parse(args[1]))
            .dataDirectory(Path.of(args[2]))
            .secret(SharedSecret.fromEnvironment());
        for (int i = 3; i < args.length; i++)
        {
            apply(config, args[i]);
        }
        final TimelineNode node;
        try
        {
            node = TimelineNode.launch(config);
        }
        catch (final TimelineException ex)
        {
            System.err.println(ex.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        final Thread roles = new Thread(() -> reportRoles(node, out), "roles");
        roles.setDaemon(true);
        roles.start();
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine())
        {
            if (line.equals("sync"))
            {
                node.sync();
                out.println("synced");
            }
            else if (line.startsWith("texts "))
            {
                printTweets(node, Long.parseLong(line.substring("texts ".length())), out);
            }
        }
        node.close();
    }

    private static void printTweets(final TimelineNode node, final long author, final PrintStream out)
    {
        long before = Long.MAX_VALUE;
        for (List<Tweet> page = node.tweets(author, 200, before); !page.isEmpty(); page = node.tweets(author, 200, before))
        {
            for (final Tweet tweet : page)
            {
                out.println(tweet.id() + " " + tweet.text());
            }
            before = page.get(page.size() - 1).id();
        }
        out.println("end");
    }

    /** Prints each role change; says why and exits once the member stopped applying the log. */
    private static void reportRoles(final TimelineNode node, final PrintStream out)
    {
        Cluster.Role reported = null;
        while (!Thread.currentThread().isInterrupted())
        {
            final Throwable halted = node.halted();
            if (halted != null)
            {
                System.err.println("member " + node.memberId() + " stopped: " + halted.getMessage());
                System.exit(1);
            }
            final Cluster.Role role = node.role();
            if (role != reported)
            {
                out.println("role " + role);
                reported = role;
            }
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
    }

    private static void apply(final NodeConfig config, final String setting)
    {
        final int equals = setting.indexOf('=');
        final String value = setting.substring(equals + 1);
        switch (setting.substring(0, Math.max(0, equals)))
        {
            case "term" -> config.logTermLength(Integer.parseInt(value));
            case "heartbeat" -> config.leaderHeartbeatTimeout(Duration.ofMillis(Long.parseLong(value)));
            case "capacity" -> config.timelineCapacity(Integer.parseInt(value));
            case "threshold" -> config.celebrityThreshold(Integer.parseInt(value));
            case "park" -> config.idleMaxPark(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(Long.parseLong(value))));
            default -> throw new IllegalArgumentException("unknown member setting " + setting);
        }
    }
}
