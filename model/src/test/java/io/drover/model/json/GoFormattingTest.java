package io.drover.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.validate.MultiError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's spellings that Nomad's messages are made of. */
class GoFormattingTest {

    @ParameterizedTest(name = "{0}ns = {1}")
    @CsvSource({
            "0, 0s",
            "1, 1ns",
            "1500, 1.5\u00b5s",
            "5000000, 5ms",
            "1500000000, 1.5s",
            "30000000000, 30s",
            "60000000000, 1m0s",
            "90000000000, 1m30s",
            "3600000000000, 1h0m0s",
            "86400000000000, 24h0m0s",
            "-5000000000, -5s",
            "-9223372036854775808, -2562047h47m16.854775808s",
            "9223372036854775807, 2562047h47m16.854775807s",
    })
    void durationsAreWrittenAsGoWritesThem(long nanos, String text) {
        assertThat(GoFmt.duration(nanos)).isEqualTo(text);
    }

    @Test
    void durationsRoundAsInGo() {
        assertThat(GoFmt.roundDuration(99_500_000_000L, GoFmt.SECOND)).isEqualTo(100_000_000_000L);
        assertThat(GoFmt.roundDuration(99_499_999_999L, GoFmt.SECOND)).isEqualTo(99_000_000_000L);
        assertThat(GoFmt.roundDuration(-1_500_000_000L, GoFmt.SECOND)).isEqualTo(-2_000_000_000L);
    }

    @Test
    void quotingFollowsStrconv() {
        assertThat(GoFmt.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoFmt.quote("tab\there\n\u0001\u007f")).isEqualTo("\"tab\\there\\n\\x01\\x7f\"");
        assertThat(GoFmt.quote("h\u00e9llo \u00a0")).isEqualTo("\"h\u00e9llo \\u00a0\"");
        assertThat(GoFmt.quoteAscii("h\u00e9llo \ud83d\ude00")).isEqualTo("\"h\\u00e9llo \\U0001f600\"");
        assertThat(GoFmt.quotedList(List.of("a", "b"))).isEqualTo("[\"a\" \"b\"]");
        assertThat(GoFmt.list(List.of("a", "b"))).isEqualTo("[a b]");
    }

    @Test
    void multiErrorFormatsAsGoMultierror() {
        assertThat(MultiError.format(List.of("Missing job datacenters")))
                .isEqualTo("1 error occurred:\n\t* Missing job datacenters\n\n");
        assertThat(MultiError.format(List.of("Missing job datacenters", "Missing job task groups")))
                .isEqualTo("2 errors occurred:\n\t* Missing job datacenters\n\t* Missing job task groups\n\n");
        // A nested multierror is embedded as its text, without extra indentation.
        String inner = MultiError.format(List.of("a", "b"));
        assertThat(MultiError.format(List.of("outer: " + inner, "c")))
                .isEqualTo("2 errors occurred:\n\t* outer: 2 errors occurred:\n\t* a\n\t* b\n\n\n\t* c\n\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "local/x.txt | false",
            "../x | false",
            "../../x | true",
            "/etc/passwd | false",
            "../../..x | true",
            "'' | false",
    })
    void allocDirEscapesAsNomadJudgesThem(String path, boolean escapes) {
        assertThat(GoPaths.escapesAllocDir("task", path)).isEqualTo(escapes);
    }

    @Test
    void pathHelpersFollowGo() {
        assertThat(GoPaths.clean("a//b/./c/..")).isEqualTo("a/b");
        assertThat(GoPaths.clean("/../a")).isEqualTo("/a");
        assertThat(GoPaths.clean("")).isEqualTo(".");
        assertThat(GoPaths.base("https://x/y/app.tgz")).isEqualTo("app.tgz");
        assertThat(GoPaths.base("dir/")).isEqualTo("dir");
        assertThat(GoPaths.base("")).isEqualTo(".");
        assertThat(GoPaths.join("local", "/")).isEqualTo("local");
        assertThat(GoPaths.escapesAllocDir("task/local/", "../../../x")).isTrue();
        assertThat(GoPaths.escapesAllocDir("task/local/", "../../x")).isFalse();
    }
}
