package io.drover.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.drover.proto.raft.EvalCreateCommand;
import io.drover.proto.raft.RaftCommand;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class LogEntryDecoderTest {
    @Test
    void aKnownCommandIsApplied() {
        RaftCommand known = RaftCommand.newBuilder().setEvalCreate(EvalCreateCommand.getDefaultInstance()).build();
        RaftCommand read = LogEntryDecoder.decode(7, ByteBuffer.wrap(known.toByteArray()));
        assertThat(LogEntryDecoder.skip(7, read)).isFalse();
    }

    @Test
    void anUnknownCommandStopsUnlessIgnorable() {
        RaftCommand read = LogEntryDecoder.decode(8, ByteBuffer.wrap(fromTheFuture(false).toByteArray()));
        assertThatThrownBy(() -> LogEntryDecoder.skip(8, read))
                .isInstanceOf(LogEntryDecoder.UnknownEntryException.class)
                .hasMessageContaining("entry 8").hasMessageContaining("does not know");
        RaftCommand ignorable = LogEntryDecoder.decode(9, ByteBuffer.wrap(fromTheFuture(true).toByteArray()));
        assertThat(LogEntryDecoder.skip(9, ignorable)).isTrue();
    }

    @Test
    void bytesThatAreNoCommandStop() {
        assertThatThrownBy(() -> LogEntryDecoder.decode(10, ByteBuffer.wrap(new byte[] {(byte) 0xff, 0x01})))
                .isInstanceOf(LogEntryDecoder.UnknownEntryException.class).hasMessageContaining("entry 10");
    }

    private static RaftCommand fromTheFuture(boolean ignorable) {
        return RaftCommand.newBuilder().setIgnorable(ignorable)
                .setUnknownFields(UnknownFieldSet.newBuilder().addField(999, UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(ByteString.copyFromUtf8("a newer command")).build()).build())
                .build();
    }
}
