package io.drover.http.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayRequestTest {
    @Test
    void splitsAndDecodesPathAndQueryAsGoDoes() {
        GatewayRequest r = GatewayRequest.of("GET", "/v1/job/a%2Fb+c?prefix=x+y&stale&index=5&index=6",
                Map.of("accept-encoding", "gzip"), new byte[0]);

        assertThat(r.path()).isEqualTo("/v1/job/a/b+c");
        assertThat(r.query("prefix")).isEqualTo("x y");
        assertThat(r.hasQuery("stale")).isTrue();
        assertThat(r.query("stale")).isEmpty();
        assertThat(r.query("index")).isEqualTo("5");
        assertThat(r.query("missing")).isEmpty();
        assertThat(r.header("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void skipsMalformedQueryPairsButRefusesMalformedPaths() {
        assertThat(GatewayRequest.of("GET", "/v1/jobs?a=%zz&b=1", Map.of(), new byte[0]).query()).containsOnlyKeys("b");
        assertThatThrownBy(() -> GatewayRequest.of("GET", "/v1/job/%z", Map.of(), new byte[0]))
                .isInstanceOf(HttpError.class).hasMessage("invalid URL escape");
    }

    @Test
    void decodesUtf8InPaths() {
        assertThat(GatewayRequest.of("GET", "/v1/job/caf%C3%A9-\u00e9", Map.of(), new byte[0]).path())
                .isEqualTo("/v1/job/caf\u00e9-\u00e9");
    }
}
