package io.drover.cluster;

import io.drover.testkit.process.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a server keeps on disk, as far as an operator can tell from file names: Raft log segments
 * under {@code server/raft/<group>/current/} ({@code log_<first>-<last>},
 * {@code log_inprogress_<first>}) and state snapshots under
 * {@code server/state/snapshots/snapshot.<term>_<index>}.
 */
public final class DataDir {
    private static final Pattern SEGMENT = Pattern.compile("log_(?:inprogress_)?(\\d+)(?:-\\d+)?");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");

    private DataDir() {
    }

    /** The first index the server's Raft log still holds (entries before it were purged). */
    public static OptionalLong firstLogIndex(ServerProcess s) {
        Path raft = s.dataDir().resolve("server/raft");
        if (!Files.isDirectory(raft)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> groups = Files.list(raft)) {
            return groups.map(g -> g.resolve("current"))
                    .filter(Files::isDirectory)
                    .flatMap(DataDir::list)
                    .map(p -> SEGMENT.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1)))
                    .min();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log indexes of the state snapshots the server holds. */
    public static List<Long> snapshotIndexes(ServerProcess s) {
        Path snapshots = s.dataDir().resolve("server/state/snapshots");
        if (!Files.isDirectory(snapshots)) {
            return List.of();
        }
        return list(snapshots)
                .map(p -> SNAPSHOT.matcher(p.getFileName().toString()))
                .filter(Matcher::matches)
                .map(m -> Long.parseLong(m.group(2)))
                .sorted()
                .toList();
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            // a segment or snapshot renamed while listing: the next look will see the result
            throw new UncheckedIOException(e);
        }
    }
}
