package dev.timeline.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The command line of a child JVM that runs a test class's main method with the test's class path and the JVM flags
 * Chronicle Queue needs.
 */
final class ChildJvm
{
    private ChildJvm()
    {
    }

    /**
     * @param mainClass whose main method the child runs.
     * @param arguments to the main method.
     * @return the command.
     */
    static List<String> command(final Class<?> mainClass, final String... arguments)
    {
        final String flags = System.getProperty("jvm.flags");
        assertNotNull(flags, "the jvm.flags system property (set by Surefire from the parent pom) is needed");

        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(flags.trim().split("\\s+")));
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(Arrays.asList(arguments));

        return command;
    }
}
