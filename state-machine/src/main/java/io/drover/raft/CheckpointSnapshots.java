package io.drover.raft;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;

/**
 * Snapshots as RocksDB checkpoints: each is a directory {@code snapshot.<term>_<index>} under
 * {@code snapshots/}, listed file by file to Ratis so it can ship them to a lagging follower.
 * Ratis replaces the whole snapshot directory when it installs one, so it lives apart from the
 * live database.
 */
final class CheckpointSnapshots implements StateMachineStorage {
    private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
    private static final int DEFAULT_RETAINED = 2;

    private final Path snapshotDir;
    private final Path tmpDir;
    private volatile SnapshotInfo latest;

    CheckpointSnapshots(Path stateDir) {
        this.snapshotDir = stateDir.resolve("snapshots");
        this.tmpDir = stateDir.resolve("snapshots.tmp");
    }

    @Override
    public void init(RaftStorage raftStorage) throws IOException {
        Files.createDirectories(snapshotDir);
        Files.createDirectories(tmpDir);
        refresh();
    }

    /** Re-reads the directory: after taking a snapshot or after Ratis installed one. */
    void refresh() {
        latest = newest().map(CheckpointSnapshots::describe).orElse(null);
    }

    /** Where a snapshot of {@code termIndex} is (or would be) kept. */
    Path pathOf(TermIndex termIndex) {
        return snapshotDir.resolve("snapshot." + termIndex.getTerm() + "_" + termIndex.getIndex());
    }

    /** A fresh directory name to build a snapshot in before it is renamed into place. */
    Path stagingPathOf(TermIndex termIndex) {
        return tmpDir.resolve("building." + termIndex.getTerm() + "_" + termIndex.getIndex());
    }

    Optional<Path> latestPath() {
        SnapshotInfo s = latest;
        return s == null ? Optional.empty() : Optional.of(pathOf(s.getTermIndex()));
    }

    @Override
    public SnapshotInfo getLatestSnapshot() {
        return latest;
    }

    @Override
    public void format() {
        // Nothing to format: directories are created on init.
    }

    @Override
    public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
        int keep = policy == null || policy.getNumSnapshotsRetained() <= 0
                ? DEFAULT_RETAINED
                : policy.getNumSnapshotsRetained();
        List<Path> all = list();
        for (int i = keep; i < all.size(); i++) {
            deleteRecursively(all.get(i));
        }
    }

    @Override
    public File getSnapshotDir() {
        return snapshotDir.toFile();
    }

    @Override
    public File getTmpDir() {
        return tmpDir.toFile();
    }

    private Optional<Path> newest() {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Snapshot directories, newest first. */
    private List<Path> list() {
        if (!Files.isDirectory(snapshotDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(snapshotDir)) {
            return s.filter(p -> Files.isDirectory(p) && NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong((Path p) -> termIndexOf(p).getIndex()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshots in " + snapshotDir, e);
        }
    }

    private static TermIndex termIndexOf(Path dir) {
        Matcher m = NAME.matcher(dir.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a snapshot directory: " + dir);
        }
        return TermIndex.valueOf(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    private static SnapshotInfo describe(Path dir) {
        List<FileInfo> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            // Ratis writes an .md5 beside every file it installs; those are not part of the checkpoint.
            s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".md5"))
                    .sorted()
                    .forEach(p -> files.add(new FileInfo(p.toAbsolutePath(), null)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshot " + dir, e);
        }
        return new FileListSnapshotInfo(files, termIndexOf(dir));
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
