package io.drover.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.NodeHeartbeatRequest;
import io.drover.proto.rpc.NodeRegisterRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.scheduling.ManualTimers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {
    private final ManualTimers timers = new ManualTimers();
    private final List<String> expired = new ArrayList<>();
    private final HeartbeatConfig config = new HeartbeatConfig(Duration.ofSeconds(10), 50, Duration.ofSeconds(10),
            Duration.ofMinutes(5));
    private final Heartbeats heartbeats = new Heartbeats(config, timers, new Random(7), expired::add);

    @Test
    void aNodeThatStopsHeartbeatingExpiresAfterItsTtlPlusTheGrace() {
        heartbeats.enable(List.of());
        Duration ttl = heartbeats.reset("n1");
        assertThat(ttl).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));

        timers.advance(ttl.plus(Duration.ofSeconds(9)));
        assertThat(expired).isEmpty();
        timers.advance(Duration.ofSeconds(2));
        assertThat(expired).containsExactly("n1");
        assertThat(heartbeats.tracked()).isZero();
    }

    @Test
    void eachHeartbeatPushesTheDeadlineBack() {
        heartbeats.enable(List.of());
        for (int i = 0; i < 10; i++) {
            heartbeats.reset("n1");
            timers.advance(Duration.ofSeconds(15));
        }
        assertThat(expired).isEmpty();
        timers.advance(Duration.ofSeconds(41));
        assertThat(expired).containsExactly("n1");
    }

    @Test
    void ttlsGrowWithTheNumberOfNodesSoTheLeaderSeesAtMostTheRate() {
        assertThat(heartbeats.rateScaled(10)).isEqualTo(Duration.ofSeconds(10));
        assertThat(heartbeats.rateScaled(5000)).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void aNewLeaderGivesEveryLiveNodeTheFailoverTtl() {
        Node up = node("up", Node.STATUS_READY);
        Node down = node("down", Node.STATUS_DOWN);
        heartbeats.enable(List.of(up, down));
        assertThat(heartbeats.tracked()).isEqualTo(1);
        timers.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(expired).isEmpty();
        timers.advance(Duration.ofSeconds(2));
        assertThat(expired).containsExactly("up");
    }

    @Test
    void losingLeadershipCancelsEveryTimer() {
        heartbeats.enable(List.of());
        heartbeats.reset("n1");
        heartbeats.disable();
        timers.advance(Duration.ofMinutes(10));
        assertThat(expired).isEmpty();
        assertThat(heartbeats.tracked()).isZero();
    }

    @Test
    void registrationAndHeartbeatAnswersCarryTheTtlAndNodeCount() {
        heartbeats.enable(List.of());
        WriteResult ok = WriteResult.newBuilder().setCode(WriteResult.Code.OK).setIndex(5).build();
        WriteRequest register = WriteRequest.newBuilder().setNodeRegister(NodeRegisterRequest.newBuilder()
                .setNodeJson(ByteString.copyFrom(NomadJson.write(node("n1", Node.STATUS_INIT))))).build();
        WriteResult answered = heartbeats.completed(register, ok);
        assertThat(answered.getHeartbeatTtlNanos()).isGreaterThanOrEqualTo(Duration.ofSeconds(10).toNanos());
        assertThat(answered.getNumNodes()).isEqualTo(1);
        assertThat(answered.getIndex()).isEqualTo(5);

        WriteRequest down = WriteRequest.newBuilder().setNodeHeartbeat(NodeHeartbeatRequest.newBuilder()
                .setNodeId("n1").setStatus(Node.STATUS_DOWN)).build();
        assertThat(heartbeats.completed(down, ok).getHeartbeatTtlNanos()).isZero();
        assertThat(heartbeats.tracked()).isZero();

        WriteResult refused = WriteResult.newBuilder().setCode(WriteResult.Code.NOT_FOUND).build();
        assertThat(heartbeats.completed(register, refused)).isEqualTo(refused);
        assertThat(heartbeats.tracked()).isZero();
    }

    private static Node node(String id, String status) {
        Node n = new Node();
        n.id = id;
        n.status = status;
        return n;
    }
}
