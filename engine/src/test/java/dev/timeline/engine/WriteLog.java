package dev.timeline.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the crash workload printed before it was killed: the writes acknowledged, in order, and
 * those begun but not acknowledged.
 */
final class WriteLog
{
    private final Map<Long, Write> unacknowledged = new LinkedHashMap<>();
    private final List<Acknowledged> acknowledged = new ArrayList<>();
    private int lines;

    void accept(final String line)
    {
        lines++;
        final String[] fields = line.split(" ", 3);
        if ("begin".equals(fields[0]))
        {
            unacknowledged.put(Long.parseLong(fields[1]), Write.decode(fields[2]));
        }
        else if ("ack".equals(fields[0]))
        {
            final Write write = unacknowledged.remove(Long.parseLong(fields[1]));
            acknowledged.add(new Acknowledged(write, Long.parseLong(fields[2])));
        }
    }

    int lines()
    {
        return lines;
    }

    List<Acknowledged> acknowledged()
    {
        return acknowledged;
    }

    /** Writes submitted and not acknowledged, in the order submitted: each may or may not have been applied. */
    List<Write> uncertain()
    {
        return new ArrayList<>(unacknowledged.values());
    }

    record Acknowledged(Write write, long result)
    {
    }
}
