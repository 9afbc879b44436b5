package dev.timeline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code timeline cluster}: the commands about a replicated cluster as a whole. */
@Command(
    name = "cluster",
    header = "Commands about a replicated cluster as a whole: its demo.",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
        "A cluster is members that each run 'timeline node'; 'timeline shell --cluster' and",
        "'timeline load --cluster' talk to one, 'timeline stat' reads a member's directory.",
        ""
    },
    subcommands = { ClusterDemoCommand.class },
    footerHeading = "%nExamples:%n",
    footer = {
        "  timeline cluster demo      three members, the leader killed under load and restarted"
    })
final class ClusterCommand implements Runnable
{
    @Spec
    private CommandSpec spec;

    @Override
    public void run()
    {
        throw new ParameterException(spec.commandLine(), "a command is required: demo");
    }
}
