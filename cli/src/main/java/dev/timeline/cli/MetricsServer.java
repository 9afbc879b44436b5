package dev.timeline.cli;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * An HTTP endpoint that serves the counters of the engine on a data directory at {@value #PATH}, in
 * the Prometheus text format, read at each scrape by a {@link CountersCollector}. Scrapes are served
 * on the server's own daemon threads until it is closed.
 */
final class MetricsServer implements AutoCloseable
{
    static final String PATH = "/metrics";

    private final HTTPServer server;
    private final InetAddress address;

    private MetricsServer(final HTTPServer server, final InetAddress address)
    {
        this.server = server;
        this.address = address;
    }

    /**
     * Listens on {@code address} and {@code port}, 0 for any free port.
     *
     * @throws CliException naming the address when it cannot listen there, as when the port is in use.
     */
    static MetricsServer start(final Path directory, final InetAddress address, final int port)
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new CountersCollector(directory));
        try
        {
            return new MetricsServer(
                HTTPServer.builder().inetAddress(address).port(port).registry(registry).buildAndStart(), address);
        }
        catch (final IOException ex)
        {
            throw new CliException("cannot serve on " + hostAndPort(address, port) + ": " + ex.getMessage());
        }
    }

    /** Where the metrics are, with the port listened on: {@code http://127.0.0.1:9464/metrics}. */
    String url()
    {
        return "http://" + hostAndPort(address, server.getPort()) + PATH;
    }

    @Override
    public void close()
    {
        server.close();
    }

    private static String hostAndPort(final InetAddress address, final int port)
    {
        final String host = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }
}
