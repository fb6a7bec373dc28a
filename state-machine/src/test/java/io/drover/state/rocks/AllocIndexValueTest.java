package io.drover.state.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class AllocIndexValueTest {
    @Test
    void holdsTheJobCreateIndexTerminalFlagAndModifyIndex() {
        byte[] v = AllocIndexValue.encode(12, true, 345);
        assertThat(AllocIndexValue.createIndex(v)).isEqualTo(12);
        assertThat(AllocIndexValue.terminal(v)).isTrue();
        assertThat(AllocIndexValue.modifyIndex(v)).isEqualTo(345);
    }

    @Test
    void aValueWrittenBeforeTheModifyIndexCountsAsChangedAtAnyIndex() {
        byte[] old = ByteBuffer.allocate(9).putLong(12).put((byte) 0).array();
        assertThat(AllocIndexValue.createIndex(old)).isEqualTo(12);
        assertThat(AllocIndexValue.terminal(old)).isFalse();
        assertThat(AllocIndexValue.modifyIndex(old)).isEqualTo(Long.MAX_VALUE);
    }
}
