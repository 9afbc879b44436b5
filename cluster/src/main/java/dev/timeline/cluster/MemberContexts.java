package dev.timeline.cluster;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.AllowBackupAndStandbyAuthorisationService;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.codecs.AdminRequestDecoder;
import io.aeron.cluster.codecs.AdminRequestType;
import io.aeron.cluster.codecs.MessageHeaderDecoder;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpLock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Aeron contexts of one member, in one process: a media driver, an archive and a consensus
 * module (launched together), and the container of the timeline service. Every agent shares one
 * thread per component and sleeps a millisecond when idle, so three members fit two cores; every
 * listener binds the member's own host, on its ports (see {@link Members}), and the archive, like the
 * cluster, lets in only those that present the shared secret, other members included; the durable state is the
 * data directory's {@code cluster/} and {@code archive/}, the log archived in segments of four terms,
 * the unit it is purged in; the driver's buffers are sparse files in the member's Aeron directory,
 * recreated at each start, which needs {@link #aeronReserve} free to start.
 * <p>
 * The member keeps two segments of its disk free ({@link #diskReserve}): the archive starts or
 * extends no recording (the log at an election, a snapshot) with less free, and the service stops
 * applying the log when the free space falls to it ({@link DiskSpace}), so the log recorded until
 * the member has stopped, and the archive's and the cluster's own records, never meet a full disk.
 */
final class MemberContexts
{
    static final String CLUSTER_DIRECTORY = "cluster";
    static final String ARCHIVE_DIRECTORY = "archive";
    static final String INGRESS_CHANNEL = "aeron:udp?term-length=1m";
    /** How long a client waits for an answer while it opens a session or reaches a new leader. */
    static final Duration CLIENT_MESSAGE_TIMEOUT = Duration.ofSeconds(1);
    private static final int MAX_SESSIONS = 1024;
    /** What a member's driver maps in its Aeron directory besides the log: about 60 MiB measured, and room. */
    private static final long AERON_BASE_RESERVE = 96L << 20;

    final MediaDriver.Context driver;
    final Archive.Context archive;
    final ConsensusModule.Context consensus;
    final ClusteredServiceContainer.Context container;

    MemberContexts(final NodeConfig config, final ClusteredService service, final ErrorHandler errors)
    {
        final Members members = config.members();
        final int id = config.memberId();
        final String host = members.host(id);
        final String aeronDirectory = config.aeronDirectory().toString();
        final Path data = config.dataDirectory();
        final Supplier<IdleStrategy> idle = config::idleStrategy;
        final long heartbeat = config.leaderHeartbeatTimeout().toNanos();
        // Aeron closes an error handler that can be closed when it closes a component, so it gets a
        // view of the member's error log, which the node closes last.
        final ErrorHandler errorHandler = errors::onError;

        driver = new MediaDriver.Context()
            .aeronDirectoryName(aeronDirectory)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idle.get())
            .termBufferSparseFile(true)
            .publicationTermBufferLength(256 * 1024)
            .ipcTermBufferLength(4 << 20)
            .errorHandler(errorHandler);

        archive = new Archive.Context()
            .archiveDir(data.resolve(ARCHIVE_DIRECTORY).toFile())
            .archiveId(id)
            .controlChannel("aeron:udp?endpoint=" + members.endpoint(id, Members.ARCHIVE_CONTROL))
            .localControlChannel("aeron:ipc?term-length=64k")
            .replicationChannel("aeron:udp?endpoint=" + members.endpoint(id, Members.ARCHIVE_REPLICATION))
            .archiveClientContext(new AeronArchive.Context()
                .controlResponseChannel("aeron:udp?endpoint=" + host + ":0")
                .credentialsSupplier(config.secret().credentials()))
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(idle)
            .segmentFileLength(segmentLength(config))
            .lowStorageSpaceThreshold(diskReserve(config))
            .deleteArchiveOnStart(false)
            .authenticatorSupplier(config.secret()::authenticator)
            .errorHandler(errorHandler);

        consensus = new ConsensusModule.Context()
            .clusterMemberId(id)
            .clusterMembers(members.clusterMembers())
            .clusterDir(data.resolve(CLUSTER_DIRECTORY).toFile())
            .aeronDirectoryName(aeronDirectory)
            .ingressChannel(INGRESS_CHANNEL)
            .logChannel("aeron:udp?term-length=" + config.logTermLength())
            .replicationChannel("aeron:udp?endpoint=" + members.endpoint(id, Members.CLUSTER_REPLICATION))
            .archiveContext(localArchive(config))
            // Each a larger share of the heartbeat timeout than Aeron's defaults give (1/50, 1/10, 1/100).
            .leaderHeartbeatTimeoutNs(heartbeat)
            .leaderHeartbeatIntervalNs(heartbeat / 20)
            .electionTimeoutNs(heartbeat / 4)
            .electionStatusIntervalNs(heartbeat / 50)
            .startupCanvassTimeoutNs(heartbeat * 2)
            .terminationTimeoutNs(heartbeat)
            .maxConcurrentSessions(MAX_SESSIONS)
            .authenticatorSupplier(config.secret()::authenticator)
            .authorisationServiceSupplier(() -> MemberContexts::isAuthorised)
            .idleStrategySupplier(idle)
            .errorHandler(errorHandler);

        container = new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDirectory)
            .clusterDir(data.resolve(CLUSTER_DIRECTORY).toFile())
            .archiveContext(localArchive(config))
            .clusteredService(service)
            .idleStrategySupplier(idle)
            .errorHandler(errorHandler);
    }

    /** Length of a segment of the archived log: four terms. */
    static int segmentLength(final NodeConfig config)
    {
        return config.logTermLength() * 4;
    }

    /**
     * Bytes a member needs free in its Aeron directory to start: the media driver's control file and
     * the buffers of its publications and images, the log's among them (three terms for the member's
     * own publication, three for the leader's image on a follower), and some for clients' sessions.
     * The buffers are sparse files, whose pages take room as they are first written, so a full
     * directory would make the driver fault later rather than refuse now. (Files given all their
     * room when made were tried: each election then allocated its new terms, and failovers took
     * 1.27 s instead of 0.90 s to the first acknowledgement, p50 of 20 kills.)
     */
    static long aeronReserve(final NodeConfig config)
    {
        return AERON_BASE_RESERVE + 6L * config.logTermLength();
    }

    /** Bytes of its disk a member keeps free: two segments of its archived log. */
    static long diskReserve(final NodeConfig config)
    {
        return 2L * segmentLength(config);
    }

    /**
     * What an authenticated client may ask of the consensus module besides commands: a snapshot of
     * every member (a node does on close), and what Aeron allows by default (backups, standbys).
     */
    static boolean isAuthorised(final int protocolId, final int actionId, final Object type, final byte[] principal)
    {
        return protocolId == MessageHeaderDecoder.SCHEMA_ID && actionId == AdminRequestDecoder.TEMPLATE_ID &&
            type == AdminRequestType.SNAPSHOT ||
            AllowBackupAndStandbyAuthorisationService.INSTANCE.isAuthorised(protocolId, actionId, type, principal);
    }

    /** A client of the member's own archive, over IPC. */
    static AeronArchive.Context localArchive(final NodeConfig config)
    {
        return new AeronArchive.Context()
            .credentialsSupplier(config.secret().credentials())
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel("aeron:ipc?term-length=64k")
            .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
            .controlResponseChannel("aeron:ipc?term-length=64k")
            .aeronDirectoryName(config.aeronDirectory().toString());
    }

    /**
     * A client's session with the cluster of {@code members}, its answers sent to {@code host}, over
     * the media driver in {@code aeronDirectory}. Opening a session, or reaching a new leader, is given
     * {@link #CLIENT_MESSAGE_TIMEOUT} (Aeron's default is 5 s) before it is tried again, so a session
     * begun through a member that died meanwhile is not waited on for long.
     */
    static AeronCluster.Context client(
        final Members members, final String host, final SharedSecret secret, final String aeronDirectory)
    {
        return new AeronCluster.Context()
            .aeronDirectoryName(aeronDirectory)
            .ingressChannel(INGRESS_CHANNEL)
            .ingressEndpoints(members.ingressEndpoints())
            .egressChannel("aeron:udp?endpoint=" + host + ":0|term-length=1m")
            .messageTimeoutNs(CLIENT_MESSAGE_TIMEOUT.toNanos())
            .credentialsSupplier(secret.credentials());
    }
}
