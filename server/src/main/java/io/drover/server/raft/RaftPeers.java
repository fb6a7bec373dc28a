package io.drover.server.raft;

import java.util.List;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Naming of the Raft group and its members. A server's peer ID is derived from its Raft
 * address, so every server computes the same group from the same list of addresses.
 */
public final class RaftPeers {
    /** One group per cluster; its ID is fixed so all servers agree without coordination. */
    public static final RaftGroupId GROUP_ID = RaftGroupId.valueOf(UUID.nameUUIDFromBytes("drover-servers".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)));

    private RaftPeers() {
    }

    public static RaftPeerId idOf(String raftAddress) {
        return RaftPeerId.valueOf(raftAddress.replace(':', '_'));
    }

    public static RaftPeer peer(String raftAddress) {
        return RaftPeer.newBuilder().setId(idOf(raftAddress)).setAddress(raftAddress).build();
    }

    public static RaftGroup group(List<String> raftAddresses) {
        return RaftGroup.valueOf(GROUP_ID, raftAddresses.stream().distinct().map(RaftPeers::peer).toList());
    }
}
