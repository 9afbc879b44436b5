package dev.timeline.cli;

/** A failure the user can fix, such as a missing directory: reported as one line, exit status 1. */
final class CliException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    CliException(final String message)
    {
        super(message);
    }
}
