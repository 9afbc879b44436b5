package dev.timeline.cli;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs this same {@code timeline} command in a child JVM: {@code java -jar} on
 * this jar, or, when the classes are not in a jar (in a build), this class path and main class with
 * the JVM flags this JVM was given for the engine's libraries. Either way, the child gets this JVM's
 * direct memory limit.
 */
final class TimelineCommandLine
{
    private static final List<String> PASSED_ON = List.of("--add-opens", "--add-exports", "-XX:MaxDirectMemorySize");

    private TimelineCommandLine()
    {
    }

    /** {@code java ... timeline} and then {@code args}. */
    static List<String> of(final List<String> args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        final List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < jvmArguments.size(); i++)
        {
            final String argument = jvmArguments.get(i);
            if (PASSED_ON.contains(argument) && i + 1 < jvmArguments.size())
            {
                command.add(argument);
                command.add(jvmArguments.get(++i));
            }
            else if (PASSED_ON.stream().anyMatch(flag -> argument.startsWith(flag + "=")))
            {
                command.add(argument);
            }
        }
        final Path jar = jar();
        if (jar != null)
        {
            command.addAll(List.of("-jar", jar.toString()));
        }
        else
        {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), TimelineCli.class.getName()));
        }
        command.addAll(args);
        return command;
    }

    /** The jar this class was loaded from, or null when it was not loaded from a jar. */
    private static Path jar()
    {
        try
        {
            final Path location = Path.of(TimelineCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        }
        catch (final URISyntaxException | SecurityException ex)
        {
            return null;
        }
    }
}
