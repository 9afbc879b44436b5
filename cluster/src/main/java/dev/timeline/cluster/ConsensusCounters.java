package dev.timeline.cluster;

import io.aeron.CncFileDescriptor;
import io.aeron.Counter;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.Cluster;
import org.agrona.concurrent.status.CountersReader;

import java.nio.file.Path;

/**
 * The consensus module's counters a node reads from other threads, through the node's own mapping
 * of its media driver's counters. The consensus module's own view of them is unmapped when it
 * stops, which it may do by itself (its disk or its service gave out), and a read through that
 * view would then crash the process; this mapping lasts as long as the node. Thread-safe.
 */
final class ConsensusCounters
{
    private final CountersReader counters;
    private final Counter role;
    private final Counter snapshots;

    /** @param consensus the launched consensus module's context. */
    ConsensusCounters(final Path aeronDirectory, final ConsensusModule.Context consensus)
    {
        counters = ClusterControl.mapCounters(aeronDirectory.resolve(CncFileDescriptor.CNC_FILE).toFile());
        role = consensus.clusterNodeRoleCounter();
        snapshots = consensus.snapshotCounter();
    }

    /** The member's role; a follower once the consensus module stopped. */
    Cluster.Role role()
    {
        return Cluster.Role.get(value(role, Cluster.Role.FOLLOWER.code()));
    }

    /** The snapshots this member took since it started, or {@code whenStopped} once the consensus module stopped. */
    long snapshots(final long whenStopped)
    {
        return value(snapshots, whenStopped);
    }

    private long value(final Counter counter, final long whenStopped)
    {
        final int id = counter.id();
        final long value = counters.getCounterValue(id);
        return counters.getCounterState(id) == CountersReader.RECORD_ALLOCATED &&
            counters.getCounterRegistrationId(id) == counter.registrationId() ? value : whenStopped;
    }
}
