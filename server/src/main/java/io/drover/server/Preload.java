package io.drover.server;

/**
 * Loads the agent's heaviest classes (RocksDB's native library, Ratis, gRPC, Netty, Jackson)
 * on a second thread while the command line is parsed, so a dev agent answers sooner: on two
 * cores, start-up is mostly class loading.
 */
final class Preload {
    private static final java.util.concurrent.CountDownLatch LOGGING = new java.util.concurrent.CountDownLatch(1);
    private static volatile boolean started;

    private Preload() {
    }

    /**
     * Waits until logging is initialized. SLF4J hands out placeholder loggers while another
     * thread is initializing it, so whoever configures logging must wait for the preloader.
     */
    static void awaitLogging() {
        if (!started) {
            org.slf4j.LoggerFactory.getILoggerFactory();
            return;
        }
        try {
            LOGGING.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void start() {
        started = true;
        Thread t = new Thread(Preload::load, "preload");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void load() {
        try {
            org.slf4j.LoggerFactory.getILoggerFactory();
        } finally {
            LOGGING.countDown();
        }
        try {
            io.drover.state.rocks.RocksNative.load();
            org.apache.ratis.server.RaftServer.newBuilder();
            new org.apache.ratis.conf.RaftProperties();
            Class.forName("org.apache.ratis.server.impl.RaftServerImpl");
            Class.forName("org.apache.ratis.grpc.server.GrpcServicesImpl");
            Class.forName("io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder");
            Class.forName("io.netty.channel.MultiThreadIoEventLoopGroup");
            Class.forName("io.netty.handler.codec.http.HttpServerCodec");
            io.drover.model.json.NomadJson.mapper();
            io.drover.proto.raft.RaftCommand.getDefaultInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            // Only a head start: whatever failed here loads on first use.
        }
    }
}
