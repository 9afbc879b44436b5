package dev.timeline.cli;

import dev.timeline.engine.status.Counter;
import io.aeron.cluster.RecordingLog;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code timeline stat} for people: who wrote the counters and whether it still runs, for a member of
 * a cluster its role, log positions and last snapshot, then a line per counter with its per-second
 * rate once there is a reading before. Times are shown as ages, the journal index in hex as
 * {@code timeline dump} shows indexes ({@code none} before the first event).
 */
final class StatText implements StatPrinter
{
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";
    private static final String[] MEMBER_LABELS = {
        "role", "leader", "leadership term", "election", "commit position", "appended position (archived log)",
        "applied position (this replica)", "last snapshot", "snapshots taken since the start" };

    private final PrintWriter out;
    private final Path directory;
    private final String watching;
    private final boolean redraw;
    private final int labelWidth;

    /**
     * @param watching what to say about the refreshes, such as {@code every 1 s}, or null for one reading.
     * @param redraw   whether to clear the screen before each reading rather than print one after another.
     */
    StatText(final PrintWriter out, final Path directory, final String watching, final boolean redraw)
    {
        this.out = out;
        this.directory = directory;
        this.watching = watching;
        this.redraw = redraw;
        int width = 0;
        for (final Counter counter : Counter.values())
        {
            width = Math.max(width, counter.label().length());
        }
        for (final String label : MEMBER_LABELS)
        {
            width = Math.max(width, label.length());
        }
        this.labelWidth = width;
    }

    @Override
    public void print(final CounterSample sample, final MemberStatus member, final CounterSample previous)
    {
        if (redraw)
        {
            out.print(CLEAR_SCREEN);
        }
        else if (previous != null)
        {
            out.println();
        }
        if (watching != null)
        {
            out.println(Instant.ofEpochMilli(sample.takenMillis()) + "  refreshing " + watching +
                " until the engine stops or Ctrl-C");
        }
        out.println((null == member ? "engine" : "member " + member.memberId()) + " on " + directory.toAbsolutePath() +
            ": " + state(sample));
        if (member != null)
        {
            printMember(member, sample.takenMillis());
        }
        for (final Counter counter : Counter.values())
        {
            out.printf("  %-" + labelWidth + "s %16s%s%n", counter.label(), value(sample, counter),
                null == previous || counter.kind() != Counter.Kind.COUNT ? "" :
                String.format(Locale.ROOT, " %12s/s", Format.count(Math.round(sample.perSecond(counter, previous)))));
        }
        out.printf("  %-" + labelWidth + "s %16s of %s%n", "free space on the data directory's disk",
            Format.bytes(sample.diskFreeBytes()), Format.bytes(sample.diskTotalBytes()));
        out.flush();
    }

    private void printMember(final MemberStatus member, final long nowMillis)
    {
        if (member.alive())
        {
            line(MEMBER_LABELS[0], null == member.role() ? "starting" : lowerCase(member.role()));
            line(MEMBER_LABELS[1], member.leaderMemberId() == MemberStatus.UNKNOWN ? "not known" :
                "member " + member.leaderMemberId());
            line(MEMBER_LABELS[2], count(member.leadershipTermId()));
            line(MEMBER_LABELS[3], (null == member.electionState() ? "unknown" : lowerCase(member.electionState())) +
                ", " + count(member.electionCount()) + " since the start");
            line(MEMBER_LABELS[4], count(member.commitPosition()));
            line(MEMBER_LABELS[5], count(member.appendedPosition()));
            line(MEMBER_LABELS[6], count(member.appliedPosition()));
        }
        else
        {
            line(MEMBER_LABELS[0], "not running (its process, " + member.pid() + ", is gone)");
        }
        final RecordingLog.Entry snapshot = member.lastSnapshot();
        line(MEMBER_LABELS[7], null == snapshot ? "none" : "at log position " + Format.count(snapshot.logPosition) +
            ", term " + snapshot.leadershipTermId + ", " + Format.duration(Math.max(0, nowMillis - snapshot.timestamp)) +
            " ago (" + Instant.ofEpochMilli(snapshot.timestamp) + ")");
        if (member.alive())
        {
            line(MEMBER_LABELS[8], count(member.snapshotCount()));
        }
    }

    private void line(final String label, final String value)
    {
        out.printf("  %-" + labelWidth + "s %16s%n", label, value);
    }

    private static String count(final long value)
    {
        return value == MemberStatus.UNKNOWN ? "unknown" : Format.count(value);
    }

    private static String lowerCase(final Enum<?> value)
    {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String state(final CounterSample sample)
    {
        final String started = Instant.ofEpochMilli(sample.startMillis()).toString();
        return sample.alive() ?
            "running as pid " + sample.pid() + ", up " + Format.duration(sample.uptimeMillis()) + " (since " + started + ")" :
            "not running: last values written by pid " + sample.pid() + ", which ran " +
            Format.duration(sample.uptimeMillis()) + " from " + started;
    }

    private static String value(final CounterSample sample, final Counter counter)
    {
        if (counter.kind() == Counter.Kind.TIME)
        {
            final long age = sample.ageMillis(counter);
            return age < 0 ? "never" : Format.duration(age) + " ago";
        }
        final long value = sample.get(counter);
        if (counter.kind() == Counter.Kind.BYTES)
        {
            return Format.bytes(value);
        }
        if (counter == Counter.JOURNAL_INDEX)
        {
            return value < 0 ? "none" : String.format("%#x", value);
        }
        return Format.count(value);
    }
}
