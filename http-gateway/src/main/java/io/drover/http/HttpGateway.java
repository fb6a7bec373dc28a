package io.drover.http;

import io.drover.http.core.HttpError;
import io.drover.http.core.ReplyFinisher;
import io.drover.http.query.BlockingQueries;
import io.drover.http.query.ReadPipeline;
import io.drover.http.routes.RequestRouter;
import io.drover.http.routes.RouteTable;
import io.drover.state.StateStore;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Nomad's HTTP API for one server: a Netty HTTP/1.1 server whose routes read the local
 * {@link StateStore} and reach the rest of the server only through {@link Cluster}.
 *
 * <p>Threads: Netty's event loops only decode and write; routes and state reads run on a small
 * pool of query threads; parked blocking queries hold no thread (a store watch and a timer
 * entry each), so thousands of clients can wait at once.

 */
public final class HttpGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    /** Distinct recent queries whose answers are kept for the wake-up burst after a write. */
    private static final int QUERY_CACHE_ENTRIES = 64;
    private static final JobPlanner NO_PLANNER = (state, job) -> {
        throw new HttpError(500, "job plan unavailable: no scheduler on this server");
    };

    private final HttpGatewayConfig config;
    private final ExecutorService queryThreads;
    private final HashedWheelTimer timer;
    private final BlockingQueries queries;
    private final RequestRouter router;
    private final ReplyFinisher finisher;
    private final ChannelGroup channels = new DefaultChannelGroup("drover-http", GlobalEventExecutor.INSTANCE);
    private final ClientConnectionLimit perClient;
    private final BodyBudget bodies;

    private EventLoopGroup acceptors;
    private EventLoopGroup workers;
    private Channel serverChannel;
    private boolean closed;

    /**
     * A gateway without a scheduler: every route but {@code POST /v1/job/:id/plan} works, and that
     * one answers 500 "job plan unavailable: no scheduler on this server".
     *
     * @deprecated pass the server's {@link JobPlanner}; kept until the server wires one
     */
    @Deprecated
    public HttpGateway(HttpGatewayConfig config, StateStore store, Cluster cluster, Clock clock, Random random) {
        this(config, store, cluster, NO_PLANNER, clock, random);
    }

    /**
     * @param planner does the dry run of {@code POST /v1/job/:id/plan}
     * @param clock dates responses
     * @param random jitters blocking waits and makes request IDs
     */
    public HttpGateway(HttpGatewayConfig config, StateStore store, Cluster cluster, JobPlanner planner, Clock clock,
            Random random) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(random, "random");
        this.queryThreads = Executors.newFixedThreadPool(config.queryThreads(),
                new DefaultThreadFactory("drover-http-query", true));
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("drover-http-timer", true), 10,
                TimeUnit.MILLISECONDS, 512);
        this.queries = new BlockingQueries(store, queryThreads, timer, random, QUERY_CACHE_ENTRIES);
        this.router = new RequestRouter(
                new RouteTable(cluster, store, random, planner, queryThreads, config.jobMaxCount()),
                new ReadPipeline(cluster, queries, queryThreads), queryThreads);
        this.finisher = new ReplyFinisher(Objects.requireNonNull(clock, "clock"));
        this.perClient = new ClientConnectionLimit(config.limits().maxConnsPerClient());
        this.bodies = new BodyBudget(config.limits().bodyBudget(config.maxRequestBodyBytes()));
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException if it cannot bind, or was started or closed before
     */
    public synchronized HttpGateway start() {
        if (serverChannel != null || closed) {
            throw new IllegalStateException("gateway already started or closed");
        }
        acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("drover-http-accept", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("drover-http-io", true), NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new GatewayChannelInitializer(router, finisher, config.maxRequestBodyBytes(),
                        channels, config.limits(), perClient, bodies));
        try {
            serverChannel = bootstrap.bind(config.bindAddress(), config.port()).syncUninterruptibly().channel();
            // After Netty's acceptor, which is in place once bound.
            serverChannel.pipeline().addLast("accept-failures", new AcceptFailures());
        } catch (Exception e) {
            // Not only RuntimeExceptions: Netty rethrows the bind's checked BindException undeclared.
            shutDownEventLoops();
            throw new IllegalStateException(
                    "cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        LOG.info("HTTP API listening on {}", serverChannel.localAddress());
        return this;
    }

    /** The port it listens on (the ephemeral one chosen when configured with 0). */
    public synchronized int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("gateway not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** How many blocking queries are parked now. */
    public int parkedQueries() {
        return queries.parkedCount();
    }

    /** The most bytes of request bodies held at once so far (at most the body budget, or one body over it). */
    public long bufferedBodyBytesHighWater() {
        return bodies.highWater();
    }

    /** How many connections {@code client} has open, as its per-client limit counts them (0 without a limit). */
    public int openConnectionsFrom(InetAddress client) {
        return perClient.openFrom(client);
    }

    /** Stops listening, drops every connection and parked query, and stops its threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
        queries.close();
        shutDownEventLoops();
        timer.stop();
        queryThreads.shutdownNow();
    }

    private void shutDownEventLoops() {
        if (acceptors != null) {
            acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
