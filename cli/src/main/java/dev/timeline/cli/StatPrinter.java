package dev.timeline.cli;

/** Shows one reading of an engine's counters, as {@code timeline stat} prints it. */
interface StatPrinter
{
    /**
     * @param sample   the counters just read.
     * @param previous the reading before, to show rates since, or null for none.
     */
    void print(CounterSample sample, CounterSample previous);
}
