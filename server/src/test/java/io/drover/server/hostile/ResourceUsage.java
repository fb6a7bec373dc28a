package io.drover.server.hostile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the process holds: resident memory (VmRSS), heap in use after a full collection, open file
 * descriptors and threads. The agent runs in this process, so growth here is the agent's (or this
 * suite's, which keeps nothing between requests).
 */
record ResourceUsage(long rssBytes, long heapAfterGcBytes, int openFiles, int threads) {

    /** Now, after a full collection. */
    static ResourceUsage now() {
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ResourceUsage(rss(), heap, openFilesNow(), Thread.activeCount());
    }

    /** Without the collection: cheap enough for every request. */
    static int openFilesNow() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // Not Linux: no figure.
        }
        return -1;
    }

    String describe() {
        return String.format("RSS %d MiB, heap after GC %d MiB, %d open files, %d threads", rssBytes >> 20,
                heapAfterGcBytes >> 20, openFiles, threads);
    }
}
