package dev.timeline.cli;

import io.aeron.Aeron;
import io.aeron.AeronCounters;
import io.aeron.CncFileDescriptor;
import io.aeron.CommonContext;
import io.aeron.archive.status.RecordingPos;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ClusterMembership;
import io.aeron.cluster.ClusterTool;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.ElectionState;
import io.aeron.cluster.RecordingLog;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusterCounters;
import io.aeron.cluster.service.ClusterMarkFile;
import io.aeron.driver.status.StreamCounter;
import io.aeron.exceptions.AeronException;
import org.agrona.IoUtil;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;

import static org.agrona.concurrent.status.CountersReader.NULL_COUNTER_ID;

/**
 * What a member of a cluster is doing, as another process sees it from the member's data directory,
 * without disturbing it: the member's mark file names its process and its media driver, whose
 * counters give its role, its election, and how far it committed, archived and applied the log; the
 * recording log gives its last snapshot. Only which member leads is asked of the member's consensus
 * module, as Aeron's {@code ClusterTool list-members} does, when the member does not lead itself.
 * Every value is {@link #UNKNOWN} when the member does not run or does not know it.
 */
final class MemberStatus
{
    /** A value the member did not give. */
    static final long UNKNOWN = -1;
    /** Where a member keeps its consensus module's files, below its data directory. */
    private static final String CLUSTER_DIRECTORY = "cluster";
    private static final long DRIVER_TIMEOUT_MS = 1_000;
    private static final long LEADER_QUERY_TIMEOUT_MS = 1_000;
    private static final int SERVICE_ID = 0;

    private final int memberId;
    private final long pid;
    private final boolean alive;
    private final RecordingLog.Entry lastSnapshot;
    private Cluster.Role role;
    private ConsensusModule.State moduleState;
    private ElectionState electionState;
    private long leaderMemberId = UNKNOWN;
    private long leadershipTermId = UNKNOWN;
    private long commitPosition = UNKNOWN;
    private long appendedPosition = UNKNOWN;
    private long appliedPosition = UNKNOWN;
    private long electionCount = UNKNOWN;
    private long snapshotCount = UNKNOWN;

    private MemberStatus(final File clusterDirectory)
    {
        try (ClusterMarkFile markFile = new ClusterMarkFile(
            clusterDirectory, ClusterMarkFile.FILENAME, SystemEpochClock.INSTANCE, 0, null))
        {
            memberId = markFile.memberId();
            pid = markFile.decoder().pid();
            final File aeronDirectory = new File(markFile.decoder().aeronDirectory());
            alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) &&
                CommonContext.isDriverActive(aeronDirectory, DRIVER_TIMEOUT_MS, (message) -> {});
            long logRecordingId = RecordingPos.NULL_RECORDING_ID;
            RecordingLog.Entry snapshot = null;
            if (new File(clusterDirectory, RecordingLog.RECORDING_LOG_FILE_NAME).exists())
            {
                try (RecordingLog recordingLog = new RecordingLog(clusterDirectory, false))
                {
                    logRecordingId = recordingLog.findLastTermRecordingId();
                    snapshot = recordingLog.getLatestSnapshot(SERVICE_ID);
                }
            }
            lastSnapshot = snapshot;
            if (alive)
            {
                readCounters(new File(aeronDirectory, CncFileDescriptor.CNC_FILE), markFile.clusterId(), logRecordingId);
                leaderMemberId = role == Cluster.Role.LEADER ? memberId : queryLeader(markFile);
            }
        }
    }

    /** Whether {@code directory} is the data directory of a member of a cluster. */
    static boolean isMemberDirectory(final Path directory)
    {
        return Files.isRegularFile(directory.resolve(CLUSTER_DIRECTORY).resolve(ClusterMarkFile.FILENAME));
    }

    /** The member on {@code directory}, a {@link #isMemberDirectory member directory}, now. */
    static MemberStatus read(final Path directory)
    {
        return new MemberStatus(directory.resolve(CLUSTER_DIRECTORY).toFile());
    }

    int memberId()
    {
        return memberId;
    }

    /** The process the member runs in, or last ran in. */
    long pid()
    {
        return pid;
    }

    /** Whether the member's process and its media driver are alive. */
    boolean alive()
    {
        return alive;
    }

    /** Leader, follower or candidate; null when it does not run. */
    Cluster.Role role()
    {
        return role;
    }

    /** The state of its consensus module, such as active; null when it does not run. */
    ConsensusModule.State moduleState()
    {
        return moduleState;
    }

    /** The state of its election, closed between elections; null when it does not run. */
    ElectionState electionState()
    {
        return electionState;
    }

    /** The member that leads the cluster as this member knows it. */
    long leaderMemberId()
    {
        return leaderMemberId;
    }

    long leadershipTermId()
    {
        return leadershipTermId;
    }

    /** Position in the log up to which the cluster committed, as this member knows it. */
    long commitPosition()
    {
        return commitPosition;
    }

    /** Position in the log up to which this member archived it. */
    long appendedPosition()
    {
        return appendedPosition;
    }

    /** Position in the log up to which this member applied it to its replica. */
    long appliedPosition()
    {
        return appliedPosition;
    }

    /** Elections since the member started. */
    long electionCount()
    {
        return electionCount;
    }

    /** Snapshots the member took since it started. */
    long snapshotCount()
    {
        return snapshotCount;
    }

    /** The member's last snapshot: its log position, term and cluster time in ms; null if none. */
    RecordingLog.Entry lastSnapshot()
    {
        return lastSnapshot;
    }

    /** Reads the counters of the member's media driver in place: nothing is registered with the driver. */
    private void readCounters(final File cncFile, final int clusterId, final long logRecordingId)
    {
        final CountersReader counters = ClusterControl.mapCounters(cncFile);
        try
        {
            role = decode(value(counters, AeronCounters.CLUSTER_NODE_ROLE_TYPE_ID, clusterId), Cluster.Role::get);
            moduleState = decode(
                value(counters, AeronCounters.CLUSTER_CONSENSUS_MODULE_STATE_TYPE_ID, clusterId), ConsensusModule.State::get);
            electionState = decode(
                value(counters, AeronCounters.CLUSTER_ELECTION_STATE_TYPE_ID, clusterId), ElectionState::get);
            leadershipTermId = value(counters, AeronCounters.CLUSTER_LEADERSHIP_TERM_ID_TYPE_ID, clusterId);
            commitPosition = value(counters, AeronCounters.CLUSTER_COMMIT_POSITION_TYPE_ID, clusterId);
            electionCount = value(counters, AeronCounters.CLUSTER_ELECTION_COUNT_TYPE_ID, clusterId);
            snapshotCount = value(counters, AeronCounters.CLUSTER_SNAPSHOT_COUNTER_TYPE_ID, clusterId);
            final int recording = RecordingPos.findCounterIdByRecording(counters, logRecordingId, Aeron.NULL_VALUE);
            appendedPosition = recording == NULL_COUNTER_ID ? UNKNOWN : counters.getCounterValue(recording);
            appliedPosition = serviceLogPosition(counters, clusterId);
        }
        finally
        {
            IoUtil.unmap(counters.valuesBuffer().byteBuffer());
            IoUtil.unmap(counters.metaDataBuffer().byteBuffer());
        }
    }

    /**
     * How far the clustered service read the log: the position of its subscription to the log stream,
     * found as the one whose owner also owns the service's error counter.
     */
    private static long serviceLogPosition(final CountersReader counters, final int clusterId)
    {
        final int serviceErrors = ClusterCounters.find(
            counters, AeronCounters.CLUSTER_CLUSTERED_SERVICE_ERROR_COUNT_TYPE_ID, clusterId);
        if (serviceErrors == Aeron.NULL_VALUE)
        {
            return UNKNOWN;
        }
        final long service = counters.getCounterOwnerId(serviceErrors);
        final int logStreamId = ConsensusModule.Configuration.logStreamId();
        final long[] position = {UNKNOWN};
        counters.forEach((counterId, typeId, key, label) ->
        {
            if (typeId == AeronCounters.DRIVER_SUBSCRIBER_POSITION_TYPE_ID &&
                counters.getCounterOwnerId(counterId) == service &&
                key.getInt(StreamCounter.STREAM_ID_OFFSET) == logStreamId)
            {
                position[0] = Math.max(position[0], counters.getCounterValue(counterId));
            }
        });
        return position[0];
    }

    private static long value(final CountersReader counters, final int typeId, final int clusterId)
    {
        final int counterId = ClusterCounters.find(counters, typeId, clusterId);
        return counterId == Aeron.NULL_VALUE ? UNKNOWN : counters.getCounterValue(counterId);
    }

    private static <E> E decode(final long code, final LongFunction<E> decoder)
    {
        return code == UNKNOWN ? null : decoder.apply(code);
    }

    /** Asks the member's consensus module which member leads; {@link #UNKNOWN} if it does not say in time. */
    private static long queryLeader(final ClusterMarkFile markFile)
    {
        final ClusterMembership membership = new ClusterMembership();
        try
        {
            return ClusterTool.queryClusterMembers(markFile, LEADER_QUERY_TIMEOUT_MS, membership) &&
                membership.leaderMemberId != Aeron.NULL_VALUE ? membership.leaderMemberId : UNKNOWN;
        }
        catch (final AeronException ex)
        {
            return UNKNOWN;
        }
    }
}
