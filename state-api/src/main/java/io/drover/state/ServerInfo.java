package io.drover.state;

import java.util.Objects;

/** How to reach a server, as it announced itself when it became leader. */
public record ServerInfo(String id, String name, String raftAddress, String rpcAddress, String httpAddress) {
    public ServerInfo {
        Objects.requireNonNull(id, "id");
    }
}
