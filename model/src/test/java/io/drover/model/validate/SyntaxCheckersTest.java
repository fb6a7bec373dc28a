package io.drover.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The syntax Nomad's vendored libraries accept for cron lines and regular expressions. */
class SyntaxCheckersTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"* * * * *", "*/15 * * * *", "0 9-17 * * mon-fri", "0 0 1,15 * *", "@daily", "@hourly",
            "0 0 L * *", "0 0 15W * *", "0 0 * * 5L", "0 0 * * 1#2", "0 0 0 * * * 2030", "30 0 0 * * ? *",
            "0 0 * JAN,dec SUN"})
    void acceptedCronLines(String line) {
        assertThat(CronSyntax.check(line)).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "* * * *            | missing field(s)",
            "61 * * * *         | syntax error in minute field: '61'",
            "* 24 * * *         | syntax error in hour field: '24'",
            "* * 32 * *         | syntax error in day-of-month field: '32'",
            "* * * 13 *         | syntax error in month field: '13'",
            "* * * * funday     | syntax error in day-of-week field: 'funday'",
            "*/0 * * * *        | invalid interval */0",
            "*/99 * * * *       | invalid interval */99",
            "x * * * * * 1969   | syntax error in second field: 'x'",
            "0 0 * * * 1969     | syntax error in year field: '1969'",
            ", * * * *          | minute field: missing directive",
    })
    void refusedCronLines(String line, String error) {
        assertThat(CronSyntax.check(line)).isEqualTo(error);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "^web-[0-9]+$", "a|b", "(?i)abc", "(?P<name>x)", "[a-z\\d]{2,5}", "\\.\\*", "a{,2}",
            "x*?", "\\pL\\p{Greek}", "[[:alpha:]]", "\\x41\\x{263a}", "\\Qa.b\\E", "(?:a)+", "^*", "\\012"})
    void acceptedRegexps(String re) {
        assertThat(RegexpSyntax.check(re)).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "(abc               | missing closing ): `(abc`",
            "abc)               | unexpected ): `abc)`",
            "[a-z               | missing closing ]: `[a-z`",
            "[z-a]              | invalid character class range: `z-a`",
            "*a                 | missing argument to repetition operator: `*`",
            "a**                | invalid nested repetition operator: `**`",
            "a+*?               | invalid nested repetition operator: `+*?`",
            "a{2,1}             | invalid repeat count: `{2,1}`",
            "a{1001}            | invalid repeat count: `{1001}`",
            "(?=x)              | invalid or unsupported Perl syntax: `(?=`",
            "(?<n>x)            | invalid or unsupported Perl syntax: `(?<`",
            "\\1                | invalid escape sequence: `\\1`",
            "\\q                | invalid escape sequence: `\\q`",
            "\\pX               | invalid character class range: `\\pX`",
            "a\\                | trailing backslash at end of expression: ``",
    })
    void refusedRegexps(String re, String error) {
        assertThat(RegexpSyntax.check(re)).isEqualTo("error parsing regexp: " + error);
    }
}
