package io.drover.client.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnvFileTest {
    @Test
    void readsKeyValueLinesAsGoEnvparse() {
        String file = """
                # a comment

                PLAIN=value
                export EXPORTED = spaced out  # trailing comment
                SINGLE='it''s # literal \\n'
                DOUBLE="tab\\there \\"quoted\\" \\u00e9"
                EMPTY=
                dotted.key_1=x
                """;

        assertThat(EnvFile.parse(file)).containsExactly(
                java.util.Map.entry("PLAIN", "value"),
                java.util.Map.entry("EXPORTED", "spaced out"),
                java.util.Map.entry("SINGLE", "its # literal \\n"),
                java.util.Map.entry("DOUBLE", "tab\there \"quoted\" é"),
                java.util.Map.entry("EMPTY", ""),
                java.util.Map.entry("dotted.key_1", "x"));
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> EnvFile.parse("A=1\nno separator\n")).hasMessage("error on line 2: missing =");
        assertThatThrownBy(() -> EnvFile.parse("1A=x")).hasMessage("error on line 1: key must start with [A-Za-z_] but found '1'");
        assertThatThrownBy(() -> EnvFile.parse("A-B=x")).hasMessageContaining("key characters must be");
        assertThatThrownBy(() -> EnvFile.parse("A=\"open")).hasMessage("error on line 1: unmatched \"");
        assertThatThrownBy(() -> EnvFile.parse("=x")).hasMessage("error on line 1: empty key");
    }
}
