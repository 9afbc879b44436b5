package dev.timeline.cli;

import dev.timeline.cluster.SharedSecret;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code --secret-file}: the secret a cluster's members and clients share, else from the environment. */
final class SecretOption
{
    static final String NAME = "--secret-file";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = NAME, paramLabel = "FILE",
        description = "The cluster's shared secret: the content of FILE (default: the environment variable " +
        SharedSecret.ENVIRONMENT + ").")
    private Path file;

    /**
     * The secret in the file given, or else in the environment.
     *
     * @throws ParameterException when there is neither.
     * @throws IllegalArgumentException when the file cannot be read or is empty.
     */
    SharedSecret secret()
    {
        if (file != null)
        {
            return SharedSecret.fromFile(file);
        }
        final SharedSecret secret = SharedSecret.fromEnvironment();
        Usage.require(spec, secret != null, "a cluster secret is required: " + NAME + " FILE, or the environment " +
            "variable " + SharedSecret.ENVIRONMENT);
        return secret;
    }
}
