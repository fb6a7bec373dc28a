package io.drover.server.leader;

import io.drover.proto.raft.ServerAnnounceCommand;
import io.drover.proto.rpc.ServerAnnounceRequest;
import io.drover.proto.raft.WriteResult;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a server's announcement of itself into the command that records it. Only a member of
 * the Raft configuration may announce, under its own Raft address, with a name and addresses a
 * client could be shown; anything else is refused here, before the log. An announcement equal
 * to the stored one writes nothing, so servers that re-announce after each leader change cost
 * no entries.
 */
final class ServerAnnouncements {
    /** Nomad's node names are hostnames or operator-chosen labels; this bounds what a peer can make us store. */
    private static final int MAX_NAME_LENGTH = 256;

    private final Function<String, Optional<String>> memberAddress;

    /** @param memberAddress the Raft address of a current member, by peer ID; empty for a non-member */
    ServerAnnouncements(Function<String, Optional<String>> memberAddress) {
        this.memberAddress = Objects.requireNonNull(memberAddress);
    }

    /** The command recording {@code r}, or empty when the state already holds exactly it. */
    Optional<ServerAnnounceCommand> announce(StateReader reader, ServerAnnounceRequest r) throws Refusal {
        String id = r.getServerId();
        Optional<String> raftAddress = memberAddress.apply(id);
        if (id.isEmpty() || raftAddress.isEmpty()) {
            throw invalid("server \"" + id + "\" is not a member of the Raft configuration");
        }
        if (!raftAddress.get().equals(r.getRaftAddress())) {
            throw invalid("server \"" + id + "\" has Raft address " + raftAddress.get() + ", not \""
                    + r.getRaftAddress() + "\"");
        }
        checkName(r.getName());
        checkAddress("RPC", r.getRpcAddress());
        checkAddress("HTTP", r.getHttpAddress());
        ServerInfo announced = new ServerInfo(id, r.getName(), r.getRaftAddress(), r.getRpcAddress(),
                r.getHttpAddress());
        if (reader.server(id).filter(announced::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(ServerAnnounceCommand.newBuilder().setServerId(id).setName(r.getName())
                .setRaftAddress(r.getRaftAddress()).setRpcAddress(r.getRpcAddress())
                .setHttpAddress(r.getHttpAddress()).build());
    }

    private static void checkName(String name) throws Refusal {
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("a server name must be 1 to " + MAX_NAME_LENGTH + " printable characters");
        }
    }

    /** {@code host:port}, as every server's listeners are advertised; followers dial the RPC one. */
    private static void checkAddress(String what, String address) throws Refusal {
        int colon = address.lastIndexOf(':');
        int port;
        try {
            port = colon <= 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535 || address.chars().anyMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c))) {
            throw invalid("invalid " + what + " address \"" + address + "\": want host:port");
        }
    }

    private static Refusal invalid(String message) {
        return new Refusal(WriteResult.Code.INVALID, message);
    }
}
