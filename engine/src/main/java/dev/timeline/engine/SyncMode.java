package dev.timeline.engine;

/** When an acknowledged write is durable. */
public enum SyncMode
{
    /**
     * Acknowledge once the command is in the memory-mapped journal: survives {@code kill -9} of the
     * process, not a power loss before the operating system writes the pages back.
     */
    NONE,
    /** Force the journal's mapped pages to storage before acknowledging each batch: survives power loss. */
    BATCH
}
