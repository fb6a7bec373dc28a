package io.drover.http.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyFinisherTest {
    private final ReplyFinisher finisher =
            new ReplyFinisher(Clock.fixed(Instant.parse("2026-11-02T04:05:06Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"gzip|true", "deflate, gzip, br, zstd|true", "GZIP;q=0.5|true",
        "gzip;q=0|false", "identity|false", "*|true", "*, gzip;q=0|false", "x-gzip|true", "br|false"})
    void acceptsGzipAsTheHeaderSays(String header, boolean accepted) {
        assertThat(ReplyFinisher.acceptsGzip(header)).isEqualTo(accepted);
    }

    @Test
    void setsTheCommonHeadersAfterTheRoutes() {
        Reply reply = Reply.text(404, "job not found").withHeader(Headers.NOMAD_INDEX, "7");

        ReplyFinisher.Finished f = finisher.finish(reply, null);

        assertThat(f.headers()).containsExactly(Map.entry("Content-Type", "text/plain; charset=utf-8"),
                Map.entry("Vary", "Accept-Encoding"), Map.entry("X-Nomad-Index", "7"),
                Map.entry("Date", "Mon, 02 Nov 2026 04:05:06 GMT"), Map.entry("Content-Length", "13"));
    }

    @Test
    void anEmptyBodyHasNoContentTypeAndIsNotCompressed() {
        ReplyFinisher.Finished f = finisher.finish(Reply.noRoute(), "gzip");

        assertThat(f.body()).isEmpty();
        assertThat(f.headers()).extracting(Map.Entry::getKey).containsExactly("Vary", "Date", "Content-Length");
    }
}
