package io.drover.model.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** go-version's ordering of versions, which the scheduler's version and semver constraints compare with. */
class GoVersionTest {
    @Test
    void versionsOrderAsGoVersion() {
        List<String> ascending = List.of("0.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2", "1.10.0", "2");
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = 0; j < ascending.size(); j++) {
                GoVersion a = GoVersion.parse(ascending.get(i));
                GoVersion b = GoVersion.parse(ascending.get(j));
                assertThat(Integer.signum(a.compareTo(b)))
                        .as("%s vs %s", ascending.get(i), ascending.get(j))
                        .isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @Test
    void missingPrereleasePartSortsAfterAnAlphanumericOneAsInGoVersion() {
        // Unlike semver.org: go-version puts "alpha" after "alpha.beta".
        assertThat(GoVersion.parse("1.0.0-alpha").compareTo(GoVersion.parse("1.0.0-alpha.beta"))).isEqualTo(1);
    }
}
