package io.drover.client.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Objects;

/**
 * An allocation's directory, laid out as Nomad's {@code allocdir}: {@code <root>/<allocID>/}
 * holds {@code alloc/} shared by the group's tasks ({@code logs}, {@code tmp}, {@code data})
 * and one directory per task with {@code local}, {@code secrets} and {@code tmp}. Task logs
 * are {@code alloc/logs/<task>.stdout.N} and {@code .stderr.N}, rotated by the driver's
 * {@link io.drover.client.driver.FileRotator}.
 */
public final class AllocDir {
    private final Path dir;

    /** @param allocsRoot the node's directory of allocation directories ({@code <data_dir>/alloc}) */
    public AllocDir(Path allocsRoot, String allocId) {
        Objects.requireNonNull(allocsRoot, "allocsRoot");
        if (allocId == null || allocId.isEmpty() || allocId.contains("/") || allocId.startsWith(".")) {
            throw new IllegalArgumentException("not an allocation ID: " + allocId);
        }
        this.dir = allocsRoot.resolve(allocId);
    }

    public Path dir() {
        return dir;
    }

    /** {@code NOMAD_ALLOC_DIR}: shared by the group's tasks. */
    public Path sharedDir() {
        return dir.resolve("alloc");
    }

    public Path logDir() {
        return sharedDir().resolve("logs");
    }

    public Path taskDir(String task) {
        return dir.resolve(task);
    }

    /** {@code NOMAD_TASK_DIR}. */
    public Path localDir(String task) {
        return taskDir(task).resolve("local");
    }

    /** {@code NOMAD_SECRETS_DIR}. */
    public Path secretsDir(String task) {
        return taskDir(task).resolve("secrets");
    }

    /** The first of the task's stdout files. */
    public Path stdout(String task) {
        return logDir().resolve(task + ".stdout.0");
    }

    /** The first of the task's stderr files. */
    public Path stderr(String task) {
        return logDir().resolve(task + ".stderr.0");
    }

    /** Creates the shared directories (idempotent). */
    public void build() throws IOException {
        for (String d : new String[] {"logs", "tmp", "data"}) {
            Files.createDirectories(sharedDir().resolve(d));
        }
    }

    /** Creates one task's directories (idempotent). */
    public void buildTask(String task) throws IOException {
        if (task == null || task.isEmpty() || task.contains("/") || task.equals("alloc") || task.startsWith(".")) {
            throw new IOException("task name " + task + " cannot name a task directory");
        }
        for (String d : new String[] {"local", "secrets", "tmp"}) {
            Files.createDirectories(taskDir(task).resolve(d));
        }
    }

    /**
     * Removes the allocation's directory and everything in it (links are removed, never
     * followed); a directory already gone is fine.
     */
    public void destroy() throws IOException {
        if (!Files.exists(dir(), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir())) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
