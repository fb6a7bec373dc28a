package io.drover.model.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The version constraints hashicorp/go-version and Nomad's semver helper accept, with their error texts. */
class VersionConstraintsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1.2.3", ">= 1.2", ">= 1.0, < 2.0", "~> 1.2.3", "!= 1.0.0-beta", " = v1.0+build "})
    void acceptedVersionConstraints(String c) {
        assertThat(VersionConstraints.versionError(c)).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "abc                 | Malformed constraint: abc",
            ">= 1.0,             | 'Malformed constraint: '",
            "=> 1.0              | Malformed constraint: => 1.0",
            "99999999999999999999 | Error parsing version: strconv.ParseInt: parsing \"99999999999999999999\": value out of range",
    })
    void refusedVersionConstraints(String c, String error) {
        assertThat(VersionConstraints.versionError(c)).isEqualTo(error);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            ">= 1.6.0-beta1 | ",
            "~> 1.2         | Malformed constraint: ~> 1.2",
            "1.0beta        | Malformed constraint: 1.0beta",
    })
    void semverConstraintsAreStricter(String c, String error) {
        assertThat(VersionConstraints.semverError(c)).isEqualTo(error);
    }
}
