package io.drover.client.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The node's ID and SecretID, kept in the data dir as Nomad's client keeps them
 * ({@code client/node-id}, {@code client/secret-id}): a restarted agent is the same node.
 */
public record NodeIdentity(String id, String secretId) {
    /** Reads both from {@code <dataDir>/client}, creating what is missing. */
    public static NodeIdentity loadOrCreate(Path dataDir) {
        Path dir = dataDir.resolve("client");
        try {
            Files.createDirectories(dir);
            return new NodeIdentity(readOrWrite(dir.resolve("node-id")), readOrWrite(dir.resolve("secret-id")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node's identity in " + dir, e);
        }
    }

    private static String readOrWrite(Path file) throws IOException {
        if (Files.exists(file)) {
            String id = Files.readString(file).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = UUID.randomUUID().toString();
        Files.writeString(file, id);
        return id;
    }
}
