package io.drover.state.rocks;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.state.ServerInfo;

/** The stored form of a {@link ServerInfo}. */
final class ServerRecord {
    @JsonProperty("ID") public String id;
    @JsonProperty("Name") public String name;
    @JsonProperty("RaftAddress") public String raftAddress;
    @JsonProperty("RPCAddress") public String rpcAddress;
    @JsonProperty("HTTPAddress") public String httpAddress;

    static ServerRecord of(ServerInfo info) {
        ServerRecord r = new ServerRecord();
        r.id = info.id();
        r.name = info.name();
        r.raftAddress = info.raftAddress();
        r.rpcAddress = info.rpcAddress();
        r.httpAddress = info.httpAddress();
        return r;
    }

    ServerInfo toInfo() {
        return new ServerInfo(id, name, raftAddress, rpcAddress, httpAddress);
    }
}
