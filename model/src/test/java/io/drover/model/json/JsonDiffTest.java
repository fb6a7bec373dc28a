package io.drover.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The comparison the recorded-job tests rely on must itself catch differences. */
class JsonDiffTest {

    private static JsonNode json(String s) throws Exception {
        return NomadJson.mapper().readTree(s);
    }

    @Test
    void structFieldOrderMattersButGoMapOrderDoesNot() throws Exception {
        assertThat(JsonDiff.firstDifference(json("{\"A\":1,\"B\":2}"), json("{\"B\":2,\"A\":1}"))).isEqualTo("$: keys [A, B] but got [B, A]");
        assertThat(JsonDiff.firstDifference(json("{\"Config\":{\"a\":1,\"b\":2}}"), json("{\"Config\":{\"b\":2,\"a\":1}}"))).isNull();
    }

    @Test
    void valuesAndNullsAreCompared() throws Exception {
        assertThat(JsonDiff.firstDifference(json("{\"A\":[1,{\"B\":null}]}"), json("{\"A\":[1,{\"B\":[]}]}")))
                .isEqualTo("$.A[1].B: null but got []");
        assertThat(JsonDiff.firstDifference(json("{\"A\":5}"), json("{\"A\":5.0}"))).isNull();
        assertThat(JsonDiff.firstDifference(json("{\"A\":\"\"}"), json("{\"A\":null}"))).isNotNull();
    }
}
