package dev.timeline.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli cannot make itself. */
final class Usage
{
    private Usage()
    {
    }

    /**
     * @throws ParameterException with {@code message}, a usage error of {@code spec}'s command, unless {@code condition}.
     */
    static void require(final CommandSpec spec, final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
