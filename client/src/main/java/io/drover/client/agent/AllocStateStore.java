package io.drover.client.agent;

import io.drover.client.task.LocalAllocState;
import io.drover.model.json.NomadJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's local allocation state, one JSON file per allocation under
 * {@code <data_dir>/client/allocs/}, each replaced atomically (written beside it, then moved)
 * so that a crash mid-write leaves the previous version, never half of one.
 */
final class AllocStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(AllocStateStore.class);
    private static final String SUFFIX = ".json";

    private final Path dir;

    AllocStateStore(Path dataDir) {
        this.dir = dataDir.resolve("client").resolve("allocs");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local allocation state directory " + dir, e);
        }
    }

    void save(LocalAllocState state) {
        Path file = dir.resolve(state.alloc.id + SUFFIX);
        Path tmp = dir.resolve(state.alloc.id + SUFFIX + ".tmp");
        try {
            Files.write(tmp, NomadJson.write(state));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The task keeps running; only a restart of the agent would lose track of it.
            LOG.warn("cannot save the local state of allocation {}: {}", state.alloc.id, e.toString());
        }
    }

    void delete(String allocId) {
        try {
            Files.deleteIfExists(dir.resolve(allocId + SUFFIX));
        } catch (IOException e) {
            LOG.warn("cannot delete the local state of allocation {}: {}", allocId, e.toString());
        }
    }

    /** Every saved allocation; files that do not decode are skipped (and said so). */
    List<LocalAllocState> loadAll() {
        List<LocalAllocState> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    LocalAllocState s = NomadJson.read(Files.readAllBytes(f), LocalAllocState.class);
                    if (s.alloc != null && s.alloc.id != null) {
                        all.add(s);
                    }
                } catch (IOException | UncheckedIOException e) {
                    LOG.warn("skipping unreadable local allocation state {}: {}", f, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the local allocation state in " + dir, e);
        }
        return all;
    }
}
