package io.drover.model.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JobPayloadTest {
    @Test
    void whatIsCompressedDecompressesToTheSameBytes() {
        byte[] text = "{\"input\": 42}\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[16 * 1024];
        new Random(7).nextBytes(random);

        assertThat(JobPayload.decompress(JobPayload.compress(text))).isEqualTo(text);
        assertThat(JobPayload.compress(text).length).isLessThan(text.length);
        assertThat(JobPayload.decompress(JobPayload.compress(random))).isEqualTo(random);
        assertThat(JobPayload.decompress(JobPayload.compress(new byte[0]))).isEmpty();
    }

    @Test
    void goSnappyOutputDecodes() {
        // Go's snappy.Encode(nil, []byte("abcabcabcabc")): a literal "abc" then a copy of 9 bytes at offset 3.
        byte[] encoded = {0x0c, 0x08, 'a', 'b', 'c', 0x15, 0x03};

        assertThat(new String(JobPayload.decompress(encoded), StandardCharsets.US_ASCII)).isEqualTo("abcabcabcabc");
    }

    @Test
    void bytesThatAreNotSnappyAreRefusedAsGoRefusesThem() {
        assertThatThrownBy(() -> JobPayload.decompress("hello".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("snappy: corrupt input");
        assertThatThrownBy(() -> JobPayload.decompress(new byte[] {0x05, 0x01, 0x00}))
                .hasMessage("snappy: corrupt input");
        assertThatThrownBy(() -> JobPayload.decompress(new byte[0])).hasMessage("snappy: corrupt input");
    }
}
