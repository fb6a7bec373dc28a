package io.drover.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.drover.client.agent.NodeAgent;
import io.drover.client.agent.NodeAgentConfig;
import io.drover.server.config.AgentConfig;
import io.drover.server.config.AgentConfigBuilder;
import io.drover.server.config.ClientFlags;
import io.drover.server.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drover agent}: runs a server, or with {@code -client} a node agent alone, with Nomad's flags. */
@Command(name = "agent", description = "Runs a Drover agent (a server; with -client, a node agent; with -dev, one"
        + " server and its node on loopback).",
        mixinStandardHelpOptions = true)
final class AgentCommand implements Callable<Integer> {
    @Option(names = "-dev", description = "Dev mode: one server on 127.0.0.1, data in a fresh temp dir removed on exit"
            + " (a -data-dir named is kept, and reused next time).")
    boolean dev;

    @Option(names = "-config", paramLabel = "FILE", description = "A JSON agent config file (repeatable; later wins).")
    List<Path> configs = new ArrayList<>();

    @Option(names = "-data-dir", paramLabel = "DIR", description = "Where the agent keeps its state.")
    Path dataDir;

    @Option(names = "-bind", paramLabel = "ADDR", description = "The address listeners bind to.")
    String bind;

    @Option(names = "-advertise", paramLabel = "ADDR", description = "The address other servers reach this one at.")
    String advertise;

    @Option(names = "-http-port", paramLabel = "PORT", description = "The HTTP API port (default 4646).")
    Integer httpPort;

    @Option(names = "-rpc-port", paramLabel = "PORT", description = "The Raft port (default 4647).")
    Integer rpcPort;

    @Option(names = "-serf-port", paramLabel = "PORT", description = "The server-to-server gRPC port (default 4648).")
    Integer serfPort;

    @Option(names = "-server", description = "Run as a server (the default unless -client is given).")
    boolean server;

    @Option(names = "-client", description = "Run a node agent that runs tasks, alone (with -servers and -data-dir).")
    boolean client;

    @Option(names = "-servers", paramLabel = "ADDR", split = ",",
            description = "With -client: the servers' gRPC addresses, host[:port] (port default 4648; repeatable).")
    List<String> servers = new ArrayList<>();

    @Option(names = "-node-class", paramLabel = "CLASS", description = "With -client: the node's class.")
    String nodeClass;

    @Option(names = "-bootstrap-expect", paramLabel = "N", description = "How many servers form the cluster.")
    Integer bootstrapExpect;

    @Option(names = {"-retry-join", "-join"}, paramLabel = "ADDR", split = ",",
            description = "The Raft address (host:port) of another server (repeatable).")
    List<String> join = new ArrayList<>();

    @Option(names = {"-node", "-name"}, paramLabel = "NAME", description = "This agent's name.")
    String name;

    @Option(names = "-region", description = "The region (default global).")
    String region;

    @Option(names = {"-dc", "-datacenter"}, description = "The datacenter (default dc1).")
    String datacenter;

    @Option(names = "-log-level", description = "TRACE, DEBUG, INFO, WARN or ERROR (default INFO).")
    String logLevel;

    @Option(names = "-snapshot-threshold", paramLabel = "N",
            description = "Raft log entries between snapshots (default 8192).")
    Long snapshotThreshold;

    @Override
    public Integer call() {
        if (client && !server && !dev) {
            return runClient();
        }
        if (client && server) {
            System.err.println("Error: a server and a node agent run together only with -dev; run -client separately");
            return 1;
        }
        AgentConfig config;
        try {
            config = config();
        } catch (ConfigException e) {
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        setUpLogging(config.logLevel());
        Agent agent;
        try {
            agent = Agent.start(config);
        } catch (Listener.BindFailure e) {
            // The message says which listener and what to change; a stack trace would bury it.
            System.err.println("Error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(AgentCommand.class).error("the agent could not start: {}", e.getMessage(), e);
            return 1;
        }
        return awaitShutdown(agent);
    }

    /** {@code -client}: a node agent alone, against the servers given, until the process is stopped. */
    private int runClient() {
        NodeAgentConfig config;
        try {
            config = ClientFlags.config(servers, dataDir, name, datacenter, region, nodeClass, bind, advertise, httpPort);
            AgentConfigBuilder files = new AgentConfigBuilder();
            configs.forEach(files::file);
            config = config.withGc(files.clientGc());
        } catch (ConfigException e) {
            System.err.println("Error: " + e.getMessage());
            return 1;
        }
        setUpLogging(logLevel == null ? "INFO" : logLevel);
        NodeAgent agent;
        try {
            agent = new NodeAgent(config);
            agent.start();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(AgentCommand.class).error("the node agent could not start: {}", e.getMessage(), e);
            return 1;
        }
        // As Nomad's client: stopping the agent leaves its tasks running, for the next agent on
        // this data dir to re-attach to.
        return awaitShutdown(agent::detach);
    }

    private static int awaitShutdown(AutoCloseable running) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(AgentCommand.class).warn("stopping failed: {}", e.toString());
            }
            stopped.countDown();
        }, "agent-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private AgentConfig config() {
        AgentConfigBuilder b = new AgentConfigBuilder().dev(dev);
        for (Path p : configs) {
            b.file(p);
        }
        if (dataDir != null) {
            b.dataDir(dataDir);
        }
        if (bind != null) {
            b.bindAddr(bind);
        }
        if (advertise != null) {
            b.advertiseHost(advertise);
        }
        if (httpPort != null) {
            b.httpPort(httpPort);
        }
        if (rpcPort != null) {
            b.rpcPort(rpcPort);
        }
        if (serfPort != null) {
            b.serfPort(serfPort);
        }
        if (bootstrapExpect != null) {
            b.bootstrapExpect(bootstrapExpect);
        }
        b.retryJoin(join);
        if (name != null) {
            b.name(name);
        }
        if (region != null) {
            b.region(region);
        }
        if (datacenter != null) {
            b.datacenter(datacenter);
        }
        if (logLevel != null) {
            b.logLevel(logLevel);
        }
        if (snapshotThreshold != null) {
            b.snapshotThreshold(snapshotThreshold);
        }
        return b.build();
    }

    private static void setUpLogging(String level) {
        Preload.awaitLogging();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
    }
}
