package dev.timeline.cli;

/** Shows one reading of an engine's counters, as {@code timeline stat} prints it. */
interface StatPrinter
{
    /**
     * @param sample   the counters just read.
     * @param member   the member of a cluster the directory belongs to, read with them; null for an engine's.
     * @param previous the reading before, to show rates since, or null for none.
     */
    void print(CounterSample sample, MemberStatus member, CounterSample previous);
}
