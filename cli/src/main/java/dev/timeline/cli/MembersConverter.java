package dev.timeline.cli;

import dev.timeline.cluster.Members;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the members of a cluster, {@code HOST:PORT,HOST:PORT,...}. */
final class MembersConverter implements ITypeConverter<Members>
{
    @Override
    public Members convert(final String value)
    {
        try
        {
            return Members.parse(value);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new TypeConversionException(ex.getMessage());
        }
    }
}
