package dev.timeline.cli;

import dev.timeline.workload.Workload;
import io.aeron.cluster.service.Cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The steps of {@code timeline cluster demo} after the members' graph is built, each printing what it
 * did and found: posting while the leader is killed, starting it again, syncing every member and
 * comparing their positions, then their timelines; and a summary. What went wrong is collected
 * rather than thrown, so that every step runs and the summary tells all; a member that does not
 * answer or does not start fails the run with {@link CliException}.
 */
final class ClusterDemoSteps
{
    private static final int SAMPLED_USERS = 100;
    private static final long START_TIMEOUT_MS = 120_000;
    private static final long ELECTION_TIMEOUT_MS = 60_000;
    private static final long SETTLE_TIMEOUT_MS = 60_000;
    private static final long POLL_MS = 50;

    private final MemberProcesses processes;
    private final PrintWriter out;
    private final int rate;
    private final int durationSeconds;
    private final int killAfterSeconds;
    private final List<String> failures = new ArrayList<>();
    private MemberProcess killed;
    private int newLeader = -1;
    private long failoverMillis = -1;
    private long firstAckMillis = -1;
    private long acknowledged;
    private boolean caughtUp;
    private boolean identical;

    /**
     * @param rate             posts per second through the client.
     * @param durationSeconds  how long to post.
     * @param killAfterSeconds when to kill the leader, from the first post.
     */
    ClusterDemoSteps(
        final MemberProcesses processes, final PrintWriter out, final int rate, final int durationSeconds,
        final int killAfterSeconds)
    {
        this.processes = processes;
        this.out = out;
        this.rate = rate;
        this.durationSeconds = durationSeconds;
        this.killAfterSeconds = killAfterSeconds;
    }

    void startMembers() throws IOException, InterruptedException
    {
        out.printf("[1/6] starting %d members, each a process of its own (timeline node --shell)%n",
            processes.all().size());
        out.flush();
        final Instant start = Instant.now();
        for (final MemberProcess member : processes.all())
        {
            member.start();
        }
        for (final MemberProcess member : processes.all())
        {
            out.printf("  member %d: pid %d, data in %s%n", member.id(), member.pid(), member.data());
        }
        final Leader leader = awaitLeader(processes.all(), start, START_TIMEOUT_MS);
        out.printf("  member %d leads, %s after the start%n", leader.member().id(), leader.after(start));
        out.flush();
    }

    void postAndKillTheLeader(final PacedPosts posts) throws InterruptedException
    {
        out.printf("[3/6] posting %s posts/s through the client for %d s; after %d s, killing the leader (SIGKILL)%n",
            Format.count(rate), durationSeconds, killAfterSeconds);
        out.flush();
        final Thread poster = new Thread(posts, "cluster-demo-posts");
        poster.setDaemon(true);
        final long start = System.nanoTime();
        poster.start();
        TimeUnit.NANOSECONDS.sleep(start + TimeUnit.SECONDS.toNanos(killAfterSeconds) - System.nanoTime());
        killed = awaitLeader(processes.all(), Instant.EPOCH, ELECTION_TIMEOUT_MS).member();
        final long pid = killed.pid();
        final Instant killedAt = Instant.now();
        final long markNanos = posts.mark();
        killed.kill();
        out.printf("  killed member %d (pid %d) at %s, %s posts sent%n", killed.id(), pid,
            Format.seconds(markNanos - start), Format.count(posts.sent()));
        out.flush();
        final List<MemberProcess> survivors = new ArrayList<>(processes.all());
        survivors.remove(killed);
        final Leader leader = awaitLeader(survivors, killedAt, ELECTION_TIMEOUT_MS);
        newLeader = leader.member().id();
        failoverMillis = Duration.between(killedAt, leader.since()).toMillis();
        out.printf("  member %d leads, %s after the kill (members look at their role every 0.1 s)%n",
            newLeader, Format.duration(failoverMillis));
        out.flush();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        while (posts.firstAckAfterMarkNanos() == Long.MAX_VALUE && poster.isAlive() && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
        if (posts.firstAckAfterMarkNanos() != Long.MAX_VALUE)
        {
            firstAckMillis = TimeUnit.NANOSECONDS.toMillis(posts.firstAckAfterMarkNanos() - markNanos);
            out.printf("  the first post sent after the kill was acknowledged %s after it%n",
                Format.duration(firstAckMillis));
        }
        else
        {
            failures.add("no post sent after the kill was acknowledged");
        }
        poster.join();
        acknowledged = posts.acknowledged();
        out.printf("  %s posts sent, %s acknowledged, %s failed; the longest wait for an acknowledgement: %s%n",
            Format.count(posts.sent()), Format.count(acknowledged), Format.count(posts.failed()),
            Format.duration(TimeUnit.NANOSECONDS.toMillis(posts.longestWaitNanos())));
        if (posts.failed() > 0)
        {
            failures.add(Format.count(posts.failed()) + " posts failed, the first with: " +
                posts.firstFailure().getMessage());
        }
        out.flush();
    }

    void restartTheKilledMember() throws IOException, InterruptedException
    {
        out.printf("[4/6] starting member %d again on its data directory%n", killed.id());
        out.flush();
        final Instant start = Instant.now();
        killed.start();
        if (killed.awaitRole(Cluster.Role.FOLLOWER, start, START_TIMEOUT_MS) == null)
        {
            throw new CliException("member " + killed.id() + " did not start again" + killed.lastWords());
        }
        killed.sync();
        out.printf("  member %d (pid %d) is a follower and has applied every write committed before it, %s after " +
            "its start%n", killed.id(), killed.pid(), Format.duration(Duration.between(start, Instant.now()).toMillis()));
        out.flush();
    }

    void syncEveryMember() throws IOException, InterruptedException
    {
        out.println("[5/6] syncing every member, then reading how far each applied the log (timeline stat)");
        out.flush();
        for (final MemberProcess member : processes.all())
        {
            member.sync();
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MS);
        List<MemberStatus> statuses = statuses();
        while (!samePositions(statuses) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
            statuses = statuses();
        }
        for (final MemberStatus status : statuses)
        {
            out.printf("  member %d: %-8s applied the log to position %s, committed %s%n", status.memberId(),
                null == status.role() ? "stopped" : status.role().name().toLowerCase(Locale.ROOT),
                Format.count(status.appliedPosition()), Format.count(status.commitPosition()));
        }
        caughtUp = samePositions(statuses);
        out.printf("  member %d caught up: %s%n", killed.id(), caughtUp ? "yes, every member is at the same position" :
            "NO");
        if (!caughtUp)
        {
            failures.add("the members did not reach the same log position");
        }
        out.flush();
    }

    void compareTimelines(final Workload workload)
    {
        out.printf("[6/6] reading the home timelines and tweets of %d users on every member%n",
            Math.min(SAMPLED_USERS, workload.users()));
        out.flush();
        final MemberProcess first = processes.get(0);
        final TimelineSample reference = TimelineSample.take(first::home, first::tweets, workload.userIds(), SAMPLED_USERS);
        identical = true;
        for (final MemberProcess member : processes.all().subList(1, processes.all().size()))
        {
            identical &= reference.equals(TimelineSample.take(member::home, member::tweets, workload.userIds(), SAMPLED_USERS));
        }
        out.printf("  identical on every member: %s (%d timelines, %s tweets on each)%n", identical ? "yes" : "NO",
            reference.size(), Format.count(reference.tweetCount()));
        if (!identical)
        {
            failures.add("the members' timelines differ");
        }
        out.flush();
    }

    void summarize()
    {
        out.println();
        out.printf("summary: the leader, member %d, killed under %s posts/s: member %d led %s later, the first " +
            "post after the kill was acknowledged %s later; %s posts acknowledged, %s; member %d restarted and " +
            "caught up: %s; timelines identical on every member: %s%n", killed.id(), Format.count(rate), newLeader,
            Format.duration(failoverMillis), firstAckMillis < 0 ? "never" : Format.duration(firstAckMillis),
            Format.count(acknowledged), failures.isEmpty() ? "none lost" : "not all", killed.id(),
            caughtUp ? "yes" : "NO", identical ? "yes" : "NO");
        out.flush();
    }

    boolean succeeded()
    {
        return failures.isEmpty();
    }

    String failures()
    {
        return String.join("; ", failures);
    }

    private List<MemberStatus> statuses()
    {
        final List<MemberStatus> statuses = new ArrayList<>();
        for (final MemberProcess member : processes.all())
        {
            statuses.add(MemberStatus.read(member.data()));
        }
        return statuses;
    }

    /** Whether every member runs and applied the log as far as the cluster committed it, all to the same position. */
    private static boolean samePositions(final List<MemberStatus> statuses)
    {
        final long position = statuses.get(0).appliedPosition();
        for (final MemberStatus status : statuses)
        {
            if (!status.alive() || status.appliedPosition() != position || status.commitPosition() != position)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until one of {@code members} leads, having said so at {@code since} or later.
     *
     * @throws CliException if none does within {@code timeoutMs}.
     */
    private static Leader awaitLeader(final List<MemberProcess> members, final Instant since, final long timeoutMs)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        do
        {
            for (final MemberProcess member : members)
            {
                final Instant leads = member.awaitRole(Cluster.Role.LEADER, since, POLL_MS / members.size());
                if (leads != null && member.role() == Cluster.Role.LEADER)
                {
                    return new Leader(member, leads);
                }
            }
        }
        while (System.nanoTime() < deadline);
        final StringBuilder said = new StringBuilder();
        members.forEach(member -> said.append(member.lastWords()));
        throw new CliException("no member led within " + Format.duration(timeoutMs) + said);
    }

    /** A member that leads, and since when, as it said. */
    private record Leader(MemberProcess member, Instant since)
    {
        /** How long after {@code start} it took the lead. */
        String after(final Instant start)
        {
            return Format.duration(Duration.between(start, since).toMillis());
        }
    }
}
