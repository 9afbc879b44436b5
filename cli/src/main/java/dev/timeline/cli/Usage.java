package dev.timeline.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * @throws ParameterException {@code OPTION why}, a usage error, for the first of {@code options} given on
     *                            {@code spec}'s command line.
     */
    static void refuse(final CommandSpec spec, final List<String> options, final String why)
    {
        for (final String option : options)
        {
            require(spec, !spec.commandLine().getParseResult().hasMatchedOption(option), option + " " + why);
        }
    }

    /** The options of {@code spec}'s mixin named {@code mixin} (the name of its field), then {@code others}. */
    static List<String> optionsOf(final CommandSpec spec, final String mixin, final String... others)
    {
        final List<String> options = new ArrayList<>();
        for (final OptionSpec option : spec.mixins().get(mixin).options())
        {
            options.add(option.longestName());
        }
        options.addAll(List.of(others));
        return options;
    }
}
