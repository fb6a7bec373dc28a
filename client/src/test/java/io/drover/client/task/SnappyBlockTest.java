package io.drover.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnappyBlockTest {
    @Test
    void decodesLiteralsAndOverlappingCopies() {
        // As Go's snappy.Encode writes "abcabcabcabc": length 12, literal "abc", copy 9 bytes from 3 back.
        byte[] encoded = {0x0c, 0x08, 'a', 'b', 'c', 0x15, 0x03};

        assertThat(new String(SnappyBlock.decode(encoded), StandardCharsets.US_ASCII)).isEqualTo("abcabcabcabc");
    }

    @Test
    void decodesTwoByteOffsetCopies() {
        // "xy" then a copy of 4 bytes from offset 2 with the 2-byte-offset tag: "xyxyxy".
        byte[] encoded = {0x06, 0x04, 'x', 'y', (byte) ((3 << 2) | 2), 0x02, 0x00};

        assertThat(new String(SnappyBlock.decode(encoded), StandardCharsets.US_ASCII)).isEqualTo("xyxyxy");
    }

    @Test
    void literalEncodingRoundTripsAnySize() {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 60, 61, 300, 70_000}) {
            byte[] data = new byte[size];
            random.nextBytes(data);

            assertThat(SnappyBlock.decode(SnappyBlock.encodeLiterals(data))).isEqualTo(data);
        }
    }

    @Test
    void rejectsWhatIsNotSnappy() {
        assertThatThrownBy(() -> SnappyBlock.decode("hello".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("snappy: corrupt input");
        assertThatThrownBy(() -> SnappyBlock.decode(new byte[] {0x05, 0x01, 0x00})).hasMessage("snappy: corrupt input");
        assertThatThrownBy(() -> SnappyBlock.decode(new byte[0])).hasMessage("snappy: corrupt input");
    }
}
