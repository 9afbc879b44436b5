package dev.timeline.cluster;

import dev.timeline.engine.Tweet;
import io.aeron.cluster.service.Cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One member in a process of its own, for tests that kill it: {@code NodeMain ID MEMBERS DIR}, the
 * secret of {@link LocalCluster}. It prints {@code role ROLE} on each role change and answers lines
 * on standard input: {@code sync} with {@code synced}, {@code texts AUTHOR} with the id and text of
 * every tweet of AUTHOR, newest first, one per line, then {@code end}. It closes cleanly on SIGTERM or at
 * the end of its input.
 */
public final class NodeMain
{
    private NodeMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final TimelineNode node = TimelineNode.launch(
            LocalCluster.config(Members.parse(args[1]), Integer.parseInt(args[0]), Path.of(args[2])));
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        final Thread roles = new Thread(() -> reportRoles(node, out));
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
                final long author = Long.parseLong(line.substring("texts ".length()));
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
        }
        node.close();
    }

    private static void reportRoles(final TimelineNode node, final PrintStream out)
    {
        Cluster.Role reported = null;
        while (true)
        {
            final Cluster.Role role = node.role();
            if (role != reported)
            {
                out.println("role " + role);
                reported = role;
            }
            try
            {
                Thread.sleep(10);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
    }
}
