package io.drover.http.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.json.NomadJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void prettyIsByteForByteWhatNomadWrote() throws IOException {
        String recorded;
        try (InputStream in = getClass().getResourceAsStream("/nomad-0.11.3/063_jobs_list_pretty.json")) {
            recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        String rendered = Json.render(NomadJson.mapper().readTree(recorded), true).utf8();

        assertThat(rendered).isEqualTo(recorded);
    }

    @Test
    void emptyContainersStayOnOneLineAndCompactHasNoNewline() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("List", List.of());
        value.put("Map", Map.of());
        value.put("Null", null);

        assertThat(Json.render(value, true).utf8())
                .isEqualTo("{\n    \"List\": [],\n    \"Map\": {},\n    \"Null\": null\n}\n");
        assertThat(Json.render(value, false).utf8()).isEqualTo("{\"List\":[],\"Map\":{},\"Null\":null}");
        assertThat(Json.render(null, false).utf8()).isEqualTo("null");
    }
}
