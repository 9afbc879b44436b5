package dev.timeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timeline.engine.status.Counter;
import io.aeron.cluster.RecordingLog;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code timeline stat --json}: one object per reading, on one line. Counters are keyed by their
 * names in camel case ({@code homeReads}) with their raw values; the ages of the times, in ms, are
 * null for never; {@code perSecond} holds the rates of the counts once there is a reading before.
 * For a member of a cluster, {@code member} holds its role, log positions and last snapshot, null
 * where it does not run or does not know.
 */
final class StatJson implements StatPrinter
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final String directory;

    StatJson(final PrintWriter out, final Path directory)
    {
        this.out = out;
        this.directory = directory.toAbsolutePath().toString();
    }

    @Override
    public void print(final CounterSample sample, final MemberStatus member, final CounterSample previous)
    {
        final ObjectNode json = JSON.createObjectNode()
            .put("directory", directory)
            .put("time", Instant.ofEpochMilli(sample.takenMillis()).toString())
            .put("pid", sample.pid())
            .put("alive", sample.alive())
            .put("startTime", Instant.ofEpochMilli(sample.startMillis()).toString())
            .put("uptimeMillis", sample.uptimeMillis());
        if (member != null)
        {
            member(json.putObject("member"), member, sample.takenMillis());
        }
        final ObjectNode counters = json.putObject("counters");
        for (final Counter counter : Counter.values())
        {
            counters.put(key(counter), sample.get(counter));
        }
        json.put("diskFreeBytes", sample.diskFreeBytes()).put("diskTotalBytes", sample.diskTotalBytes());
        age(json, "heartbeatAgeMillis", sample, Counter.HEARTBEAT);
        age(json, "lastSnapshotAgeMillis", sample, Counter.LAST_SNAPSHOT);
        if (previous != null)
        {
            final ObjectNode rates = json.putObject("perSecond");
            for (final Counter counter : Counter.values())
            {
                if (counter.kind() == Counter.Kind.COUNT)
                {
                    rates.put(key(counter), sample.perSecond(counter, previous));
                }
            }
        }
        try
        {
            out.println(JSON.writeValueAsString(json));
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
        out.flush();
    }

    private static void member(final ObjectNode json, final MemberStatus member, final long nowMillis)
    {
        json.put("memberId", member.memberId()).put("pid", member.pid()).put("alive", member.alive());
        text(json, "role", member.role());
        known(json, "leaderMemberId", member.leaderMemberId());
        known(json, "leadershipTermId", member.leadershipTermId());
        text(json, "electionState", member.electionState());
        known(json, "electionCount", member.electionCount());
        text(json, "consensusModuleState", member.moduleState());
        known(json, "commitPosition", member.commitPosition());
        known(json, "appendedPosition", member.appendedPosition());
        known(json, "appliedPosition", member.appliedPosition());
        known(json, "snapshotCount", member.snapshotCount());
        final RecordingLog.Entry snapshot = member.lastSnapshot();
        if (null == snapshot)
        {
            json.putNull("lastSnapshot");
        }
        else
        {
            json.putObject("lastSnapshot")
                .put("logPosition", snapshot.logPosition)
                .put("leadershipTermId", snapshot.leadershipTermId)
                .put("time", Instant.ofEpochMilli(snapshot.timestamp).toString())
                .put("ageMillis", Math.max(0, nowMillis - snapshot.timestamp));
        }
    }

    private static void known(final ObjectNode json, final String name, final long value)
    {
        if (value == MemberStatus.UNKNOWN)
        {
            json.putNull(name);
        }
        else
        {
            json.put(name, value);
        }
    }

    /** {@code LEADER} as {@code "leader"}, null as null. */
    private static void text(final ObjectNode json, final String name, final Enum<?> value)
    {
        if (null == value)
        {
            json.putNull(name);
        }
        else
        {
            json.put(name, value.name().toLowerCase(Locale.ROOT));
        }
    }

    private static void age(final ObjectNode json, final String name, final CounterSample sample, final Counter counter)
    {
        final long age = sample.ageMillis(counter);
        if (age < 0)
        {
            json.putNull(name);
        }
        else
        {
            json.put(name, age);
        }
    }

    /** {@code HOME_READS} as {@code homeReads}. */
    static String key(final Counter counter)
    {
        final String[] words = counter.name().toLowerCase(Locale.ROOT).split("_");
        final StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++)
        {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return key.toString();
    }
}
