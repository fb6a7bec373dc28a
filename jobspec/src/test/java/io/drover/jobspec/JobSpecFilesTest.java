package io.drover.jobspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.json.NomadJson;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every job file under {@code src/test/resources/jobspec}: {@code name.nomad} parses to the API
 * JSON in {@code name.json} (fields in the order Nomad writes them), or is refused with exactly
 * the text of {@code name.error}, the body of the 400. The files are ours; between them they
 * use every construct of Nomad 0.11.3's own parser fixtures (jobspec/test-fixtures), and the
 * parser was checked against that test's expected jobs before these answers were recorded: the
 * JSON pins that agreement down, the errors pin Nomad's wording and nesting prefixes (then our
 * {@code (at line:col)} of what is refused, which Nomad's lack).
 */
class JobSpecFilesTest {
    static Stream<String> jobFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(JobSpecFilesTest.class.getResource("/jobspec").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".nomad")).map(n -> n.substring(0, n.length() - ".nomad".length()))
                    .sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("jobFiles")
    void parsesAsNomadDoes(String name) throws Exception {
        String source = resource(name + ".nomad");
        String error = optionalResource(name + ".error");
        if (error != null) {
            assertThatThrownBy(() -> JobSpecParser.parse(source)).isInstanceOf(JobSpecException.class)
                    .hasMessage(error);
            return;
        }
        String expected = NomadJson.mapper().readTree(resource(name + ".json")).toString();
        assertThat(ApiJobJson.write(JobSpecParser.parse(source))).isEqualTo(expected);
    }

    private static String resource(String name) throws IOException {
        String text = optionalResource(name);
        if (text == null) {
            throw new IllegalStateException("missing test resource jobspec/" + name);
        }
        return text;
    }

    private static String optionalResource(String name) throws IOException {
        try (var in = JobSpecFilesTest.class.getResourceAsStream("/jobspec/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
