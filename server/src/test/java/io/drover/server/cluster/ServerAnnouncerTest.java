package io.drover.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.ServerAnnounceRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.scheduling.ManualTimers;
import io.drover.state.ServerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A server announces itself to the leader when, and only when, the state does not hold what it
 * would announce; failures are retried with a backoff, and nothing is sent once it is closed.
 */
class ServerAnnouncerTest {
    static final String SELF = "127.0.0.1_4647";
    static final ServerAnnounceRequest ME = ServerAnnounceRequest.newBuilder().setServerId(SELF).setName("s1")
            .setRaftAddress("127.0.0.1:4647").setRpcAddress("127.0.0.1:4648").setHttpAddress("127.0.0.1:4646")
            .build();
    static final ServerInfo STORED_ME = new ServerInfo(SELF, "s1", "127.0.0.1:4647", "127.0.0.1:4648",
            "127.0.0.1:4646");

    final ManualTimers timers = new ManualTimers();
    final Map<String, ServerInfo> state = new HashMap<>();
    final List<WriteRequest> sent = new ArrayList<>();
    /** What the leader answers each write, in turn; OK (and the record stored) once they run out. */
    final List<WriteResult.Code> answers = new ArrayList<>();
    final ServerAnnouncer announcer = new ServerAnnouncer(ME, id -> Optional.ofNullable(state.get(id)), this::write,
            timers, Duration.ofMillis(100), Duration.ofMillis(400));

    private CompletableFuture<WriteResult> write(WriteRequest request) {
        sent.add(request);
        WriteResult.Code code = answers.isEmpty() ? WriteResult.Code.OK : answers.remove(0);
        if (code == WriteResult.Code.OK) {
            state.put(SELF, STORED_ME);
        }
        return CompletableFuture.completedFuture(WriteResult.newBuilder().setCode(code).build());
    }

    @Test
    void aServerMissingFromTheStateAnnouncesItselfOnceALeaderIsKnown() {
        announcer.onLeaderChanged(null);
        timers.advance(Duration.ofSeconds(1));
        assertThat(sent).as("no leader, no announcement").isEmpty();

        announcer.onLeaderChanged("127.0.0.2_4647");
        timers.advance(Duration.ZERO);

        assertThat(sent).extracting(WriteRequest::getServerAnnounce).containsExactly(ME);
    }

    @Test
    void aStoredRecordThatDiffersIsAnnouncedAgain() {
        state.put(SELF, new ServerInfo(SELF, "s1", "127.0.0.1:4647", "127.0.0.1:4648", "127.0.0.1:9999"));

        announcer.onLeaderChanged("127.0.0.2_4647");
        timers.advance(Duration.ZERO);

        assertThat(sent).hasSize(1);
        assertThat(state.get(SELF)).isEqualTo(STORED_ME);
    }

    @Test
    void nothingIsSentWhenTheStateHoldsTheSameAnnouncementEvenAfterLeaderChanges() {
        state.put(SELF, STORED_ME);

        announcer.onLeaderChanged("127.0.0.2_4647");
        timers.advance(Duration.ofSeconds(1));
        announcer.onLeaderChanged("127.0.0.3_4647");
        timers.advance(Duration.ofSeconds(1));

        assertThat(sent).isEmpty();
    }

    @Test
    void theLeaderItselfSendsNothingHere() {
        announcer.onLeaderChanged(SELF);
        timers.advance(Duration.ofSeconds(1));

        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedAnnouncementIsRetriedWithABackoffThatDoublesUpToItsCap() {
        answers.addAll(List.of(WriteResult.Code.NO_LEADER, WriteResult.Code.NO_LEADER, WriteResult.Code.INTERNAL,
                WriteResult.Code.NO_LEADER));
        List<Long> times = new ArrayList<>();
        ServerAnnouncer timed = new ServerAnnouncer(ME, id -> Optional.ofNullable(state.get(id)), r -> {
            times.add(timers.nowMillis());
            return write(r);
        }, timers, Duration.ofMillis(100), Duration.ofMillis(400));

        timed.onLeaderChanged("127.0.0.2_4647");
        timers.advance(Duration.ofSeconds(10));

        assertThat(times).containsExactly(0L, 100L, 300L, 700L, 1100L);
        assertThat(state.get(SELF)).isEqualTo(STORED_ME);
    }

    @Test
    void aNewLeaderGetsTheAnnouncementAtOnceRatherThanAfterTheBackoff() {
        answers.addAll(List.of(WriteResult.Code.NO_LEADER, WriteResult.Code.NO_LEADER));
        announcer.onLeaderChanged("127.0.0.2_4647");
        timers.advance(Duration.ofMillis(150));
        assertThat(sent).hasSize(2);

        announcer.onLeaderChanged("127.0.0.3_4647");
        timers.advance(Duration.ZERO);

        assertThat(sent).hasSize(3);
        assertThat(state.get(SELF)).isEqualTo(STORED_ME);
    }

    @Test
    void aClosedAnnouncerSendsNothingMore() {
        answers.add(WriteResult.Code.NO_LEADER);
        announcer.onLeaderChanged("127.0.0.2_4647");
        timers.advance(Duration.ZERO);
        assertThat(sent).hasSize(1);

        announcer.close();
        announcer.onLeaderChanged("127.0.0.3_4647");
        timers.advance(Duration.ofSeconds(10));

        assertThat(sent).hasSize(1);
    }
}
