package dev.timeline.cli;

import dev.timeline.cluster.ClientConfig;
import dev.timeline.cluster.Members;
import dev.timeline.cluster.SharedSecret;
import dev.timeline.cluster.TimelineClient;
import dev.timeline.workload.FollowerDistribution;
import dev.timeline.workload.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;

/**
 * {@code timeline cluster demo}: three members in child processes on loopback, a write load through
 * a client, the leader killed under it and restarted, then every member compared.
 */
@Command(
    name = "demo",
    header = "Runs three members, kills the leader under load, restarts it, compares the members.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Shows the replicated engine keep going when its leader dies, with nothing to",
        "set up, in under a minute:",
        "  1. starts three members, each a 'timeline node' process of its own, on free",
        "     ports of this host's loopback, with a random secret and their data in a",
        "     new temporary directory, and waits until one of them leads;",
        "  2. builds a Twitter-like social graph through a client;",
        "  3. posts at --rate through the client for --duration seconds and, after",
        "     --kill-after seconds, kills the leader's process with SIGKILL: prints how",
        "     long until another member led and until the first post sent after the",
        "     kill was acknowledged, and that no post was lost;",
        "  4. starts the killed member again, on its data directory;",
        "  5. syncs every member and shows they applied the log to the same position;",
        "  6. reads the timelines of a sample of users on every member and compares them.",
        "Then it stops every member with SIGTERM. Its processes and the directory are",
        "removed at the end, on failure and on Ctrl-C too (the directory stays with",
        "--keep). Exit status 0 when no post was lost and every member holds the same",
        "timelines.",
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline cluster demo",
        "  timeline cluster demo --users 10000 --rate 5000 --duration 20 --kill-after 8",
        "  timeline cluster demo --keep          then: timeline stat DIR/member-0"
    })
final class ClusterDemoCommand implements Callable<Integer>
{
    private static final int MEMBERS = 3;
    private static final long SEED = 1;
    private static final int POST_STREAM = 0;

    @Spec
    private CommandSpec spec;

    @Option(names = "--users", paramLabel = "N", defaultValue = "2000",
        description = "Users in the social graph (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "2000",
        description = "Posts per second through the client (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10",
        description = "How long to post (default: ${DEFAULT-VALUE}).")
    private int durationSeconds;

    @Option(names = "--kill-after", paramLabel = "SECONDS", defaultValue = "3",
        description = "When to kill the leader, from the first post; before the end of --duration " +
        "(default: ${DEFAULT-VALUE}).")
    private int killAfterSeconds;

    @Option(names = "--keep", description = "Keep the members' data directories (the members are stopped).")
    private boolean keep;

    @Override
    public Integer call() throws Exception
    {
        Usage.require(spec, users >= 2, "--users must be at least 2, was " + users);
        Usage.require(spec, rate >= 1, "--rate must be at least 1, was " + rate);
        Usage.require(spec, durationSeconds >= 2, "--duration must be at least 2 seconds, was " + durationSeconds);
        Usage.require(spec, killAfterSeconds >= 1 && killAfterSeconds < durationSeconds,
            "--kill-after must be 1 to --duration - 1 seconds, was " + killAfterSeconds);
        final Workload workload = new Workload(
            FollowerDistribution.CELEBRITY, users, Workload.DEFAULT_FOLLOWS_PER_USER, SEED);
        final Members members = loopbackMembers();
        final String secret = randomSecret();
        final PrintWriter out = spec.commandLine().getOut();
        final Path directory = Files.createTempDirectory("timeline-cluster-demo-");
        out.printf("timeline cluster demo: %d members on %s, %s, %s posts/s for %d s, the leader killed after %d s%n",
            MEMBERS, members, WorkloadOptions.description(workload), Format.count(rate), durationSeconds,
            killAfterSeconds);
        out.println("data directories: " + directory + "/member-N " + (keep ? "(kept)" : "(deleted at the end)"));
        out.println();
        final ClusterDemoSteps steps;
        try (MemberProcesses processes = new MemberProcesses(members, directory, keep, secret))
        {
            steps = new ClusterDemoSteps(processes, out, rate, durationSeconds, killAfterSeconds);
            steps.startMembers();
            final ClientConfig config = new ClientConfig().members(members).secret(SharedSecret.of(secret));
            try (TimelineClient client = TimelineClient.connect(config))
            {
                out.println("[2/6] building the social graph through a client of the cluster");
                out.flush();
                SetupSteps.loadGraph(client, config.maxInFlight() / 2, workload, out,
                    new ProgressLine(spec.commandLine().getErr(), Terminal.stderrIsTerminal()));
                steps.postAndKillTheLeader(new PacedPosts(client, workload, POST_STREAM, rate, (long)rate * durationSeconds));
            }
            steps.restartTheKilledMember();
            steps.syncEveryMember();
            steps.compareTimelines(workload);
            out.println("stopping the members (SIGTERM)");
            out.flush();
        }
        steps.summarize();
        if (!steps.succeeded())
        {
            spec.commandLine().getErr().println("timeline: " + steps.failures());
            return 1;
        }
        return 0;
    }

    private static String randomSecret()
    {
        final byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static Members loopbackMembers()
    {
        try
        {
            return Members.onLoopback(MEMBERS);
        }
        catch (final IllegalStateException ex)
        {
            throw new CliException(ex.getMessage());
        }
    }
}
