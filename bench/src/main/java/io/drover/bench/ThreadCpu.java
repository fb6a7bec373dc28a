package io.drover.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of another process's threads, grouped by thread name (digits folded, so a pool's
 * threads count together), read from Linux's {@code /proc/<pid>/task}. Shows which of the
 * agent's threads a placement round kept busy: the Raft apply thread, the scheduler worker, the
 * plan applier, the node RPC handlers. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {
    /** Linux reports thread times in clock ticks of 1/100 s on every platform the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ThreadCpu() {
    }

    /** Thread-name group → CPU nanoseconds so far. */
    static Map<String, Long> sample(long pid) {
        Map<String, Long> out = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path task : dirs) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "N");
                    String stat = Files.readString(task.resolve("stat"));
                    // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    out.merge(name, ticks * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // The thread exited between listing and reading: it no longer counts.
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The {@code top} busiest groups between two samples, as "name 123 ms, …". */
    static String busiest(Map<String, Long> before, Map<String, Long> after, int top) {
        List<Map.Entry<String, Long>> deltas = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .toList();
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Long> e : deltas) {
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue() / 1_000_000)
                    .append(" ms");
        }
        return s.toString();
    }
}
