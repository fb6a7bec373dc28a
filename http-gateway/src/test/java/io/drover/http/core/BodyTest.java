package io.drover.http.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class BodyTest {
    @Test
    void smallBodiesAreNotCopiedToDirectMemory() {
        assertThat(Body.text("{}").sharedDirect(false)).isNull();
    }

    @Test
    void aLargeBodySentAgainIsSentFromOneDirectCopyThatHoldsTheSameBytes() throws IOException {
        byte[] bytes = new byte[Body.SHARED_DIRECT_MIN_BYTES * 2];
        Arrays.fill(bytes, (byte) 'x');
        Body body = Body.of(bytes);

        assertThat(body.sharedDirect(false)).as("the first sending goes from the heap").isNull();
        ByteBuffer first = body.sharedDirect(false);
        ByteBuffer second = body.sharedDirect(false);
        assertThat(first.isDirect()).isTrue();
        assertThat(first.isReadOnly()).isTrue();
        assertThat(toArray(first)).isEqualTo(bytes);
        assertThat(second.remaining()).as("each view starts at the beginning").isEqualTo(bytes.length);

        // gzip of 64 KiB of one byte is tiny: sent from the heap, however often.
        assertThat(body.sharedDirect(true)).isNull();
        assertThat(body.sharedDirect(true)).isNull();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body.gzipped()))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
