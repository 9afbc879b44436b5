package dev.timeline.engine;

/**
 * The write needs more direct memory than the JVM's limit ({@code -XX:MaxDirectMemorySize}) leaves:
 * it was refused before it was journaled, so it changed nothing and never appears later. Writes that
 * fit still succeed; raise the limit to store more.
 */
public final class MemoryLimitException extends RejectedException
{
    private static final long serialVersionUID = 1L;

    public MemoryLimitException(final String message)
    {
        super(message);
    }
}
