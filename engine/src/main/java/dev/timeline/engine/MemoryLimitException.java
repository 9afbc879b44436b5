package dev.timeline.engine;

/**
 * The write needs more off-heap memory than a limit leaves: it was refused before it was journaled,
 * so it changed nothing and never appears later. Writes that fit still succeed; raise the limit to
 * store more. The limit is the JVM's direct memory ({@code -XX:MaxDirectMemorySize}) or the engine's
 * own ({@link EngineConfig#offHeapLimit}), as {@link #isProcessLimit()} tells.
 */
public final class MemoryLimitException extends RejectedException
{
    private static final long serialVersionUID = 1L;

    private final boolean processLimit;

    /** @param processLimit whether the JVM's direct memory limit refused it, rather than the engine's own. */
    public MemoryLimitException(final String message, final boolean processLimit)
    {
        super(message);
        this.processLimit = processLimit;
    }

    /**
     * True if the JVM's direct memory limit refused the write, which depends on the whole process;
     * false if the engine's own off-heap limit did, which engines with the same settings and commands
     * reach at the same command.
     */
    public boolean isProcessLimit()
    {
        return processLimit;
    }
}
