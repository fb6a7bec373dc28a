package io.drover.server.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.ServerAnnounceRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.testing.TestStore;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The leader turns a server's announcement into the command that records it only for a member
 * of the Raft configuration speaking for its own Raft address, with a name and addresses fit to
 * show; anything else is refused before the log (gRPC is open to whoever reaches the port). An
 * announcement the state already holds writes nothing.
 */
class ServerAnnouncementsTest extends CommandBuilderFixture {
    static final Map<String, String> MEMBERS = Map.of("127.0.0.1_4647", "127.0.0.1:4647",
            "127.0.0.2_4647", "127.0.0.2:4647");
    static final ServerAnnounceRequest GOOD = ServerAnnounceRequest.newBuilder().setServerId("127.0.0.2_4647")
            .setName("server2").setRaftAddress("127.0.0.2:4647").setRpcAddress("127.0.0.2:4648")
            .setHttpAddress("127.0.0.2:4646").build();

    @Override
    CommandBuilder newBuilder(TestStore state, Stamps stamps) {
        return new CommandBuilder(state.store(), stamps, 0, id -> Optional.ofNullable(MEMBERS.get(id)));
    }

    @Test
    void aMembersAnnouncementBecomesTheCommandThatNamesIt() throws Refusal {
        RaftCommand command = builder.build(request(GOOD));

        state.apply(command);

        try (var reader = state.store().reader()) {
            assertThat(reader.server("127.0.0.2_4647").orElseThrow().name()).isEqualTo("server2");
            assertThat(reader.server("127.0.0.2_4647").orElseThrow().httpAddress()).isEqualTo("127.0.0.2:4646");
        }
    }

    @Test
    void anAnnouncementTheStateAlreadyHoldsWritesNothing() throws Refusal {
        state.apply(builder.build(request(GOOD)));

        assertThat(builder.build(request(GOOD))).isNull();
        assertThat(builder.build(request(GOOD.toBuilder().setHttpAddress("127.0.0.2:5646").build())))
                .as("a changed address is written").isNotNull();
    }

    @Test
    void badAnnouncementsAreRefusedBeforeTheLog() {
        assertRefused(r -> r.setServerId("10.9.9.9_4647").setRaftAddress("10.9.9.9:4647"),
                "server \"10.9.9.9_4647\" is not a member of the Raft configuration");
        assertRefused(r -> r.setServerId(""), "server \"\" is not a member of the Raft configuration");
        assertRefused(r -> r.setRaftAddress("127.0.0.1:4647"),
                "server \"127.0.0.2_4647\" has Raft address 127.0.0.2:4647, not \"127.0.0.1:4647\"");
        assertRefused(r -> r.setName(""), "a server name must be 1 to 256 printable characters");
        assertRefused(r -> r.setName("a\nb"), "a server name must be 1 to 256 printable characters");
        assertRefused(r -> r.setName("x".repeat(257)), "a server name must be 1 to 256 printable characters");
        assertRefused(r -> r.setRpcAddress("127.0.0.2"), "invalid RPC address \"127.0.0.2\": want host:port");
        assertRefused(r -> r.setRpcAddress("127.0.0.2:0"), "invalid RPC address \"127.0.0.2:0\": want host:port");
        assertRefused(r -> r.setHttpAddress(":4646"), "invalid HTTP address \":4646\": want host:port");
        assertRefused(r -> r.setHttpAddress("h:99999"), "invalid HTTP address \"h:99999\": want host:port");
    }

    private void assertRefused(UnaryOperator<ServerAnnounceRequest.Builder> change, String message) {
        WriteRequest request = request(change.apply(GOOD.toBuilder()).build());
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> builder.build(request));

        assertThat(refusal).as(message).isNotNull();
        assertThat(refusal.toResult().getCode()).isEqualTo(WriteResult.Code.INVALID);
        assertThat(refusal.toResult().getError()).isEqualTo(message);
    }

    private static WriteRequest request(ServerAnnounceRequest announcement) {
        return WriteRequest.newBuilder().setServerAnnounce(announcement).build();
    }
}
