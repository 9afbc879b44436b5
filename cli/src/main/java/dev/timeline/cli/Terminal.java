package dev.timeline.cli;

/**
 * Whether the standard streams are terminals. The {@code timeline} launcher knows for certain and
 * passes {@code -Dtimeline.stdin.tty}, {@code -Dtimeline.stdout.tty} and {@code -Dtimeline.stderr.tty};
 * without them, a console attached to the JVM stands for all three.
 */
final class Terminal
{
    private Terminal()
    {
    }

    /** Whether standard input is typed by a person, so a prompt helps. */
    static boolean stdinIsTerminal()
    {
        return isTerminal("timeline.stdin.tty");
    }

    /** Whether standard output is shown on a terminal, so a screen can be redrawn in place. */
    static boolean stdoutIsTerminal()
    {
        return isTerminal("timeline.stdout.tty");
    }

    /** Whether standard error is shown on a terminal, so a progress line can redraw itself. */
    static boolean stderrIsTerminal()
    {
        return isTerminal("timeline.stderr.tty");
    }

    private static boolean isTerminal(final String property)
    {
        final String value = System.getProperty(property);
        return null == value ? System.console() != null : Boolean.parseBoolean(value);
    }
}
