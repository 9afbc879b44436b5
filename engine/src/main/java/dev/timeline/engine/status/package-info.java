/**
 * What an engine shows of itself to other processes, through files in its data directory: the
 * counters ({@link dev.timeline.engine.status.Counter}, written through
 * {@link dev.timeline.engine.status.EngineCounters}, read by
 * {@link dev.timeline.engine.status.CountersFile}, laid out as {@code CountersFileLayout}) and the
 * distinct-error log ({@link dev.timeline.engine.status.ErrorLog}, read by
 * {@link dev.timeline.engine.status.ErrorLogFile}, laid out as {@code ErrorLogLayout}). Both are
 * memory-mapped: {@code timeline stat} reads them while the engine runs, and after it stopped.
 * Each partition's applying thread publishes its counts through a
 * {@link dev.timeline.engine.status.PartitionCounters}, readers count theirs in
 * {@link dev.timeline.engine.status.CallerCounts}.
 */
package dev.timeline.engine.status;
