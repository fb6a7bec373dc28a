package io.drover.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.Jobs;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.GoJsonDecoder;
import io.drover.model.json.NomadJson;
import io.drover.model.json.Recording;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Warnings text of a register response. */
class JobWarningsTest {

    @Test
    void aPlainJobHasNoWarnings() {
        assertThat(JobWarnings.format(Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}"))).isEmpty();
    }

    @Test
    void deprecatedIopsAndLargeMaxParallelAreReported() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Datacenters\": [\"dc1\"], \"Update\": {\"MaxParallel\": 3},"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\", \"Resources\": {\"IOPS\": 5}}]}]}");
        String group = "Group \"g\" has warnings: " + MultiError.format(List.of(
                "Update max parallel count is greater than task group count (3 > 1). A destructive change would result in"
                        + " the simultaneous replacement of all allocations.",
                MultiError.format(List.of("Task \"t\": IOPS has been deprecated as of Nomad 0.9.0. Please remove IOPS"
                        + " from resource stanza."))));
        assertThat(JobWarnings.warnings(job)).containsExactly(group);
        assertThat(JobWarnings.format(job)).isEqualTo("1 warning(s):\n\n* " + group);
    }

    /**
     * Every warning Nomad 0.11.3 gives (MaxParallel over the count, IOPS, VaultGrace, auto_promote
     * on some groups only), nested as Nomad nests them: the text a real agent answered, byte for byte.
     */
    @ParameterizedTest
    @ValueSource(strings = {"320_register_warning_count_zero.txt", "321_validate_warnings_all_kinds.txt",
            "323_register_warnings_all_kinds.txt"})
    void theWarningsAreTheTextNomadAnswered(String recording) throws Exception {
        Recording r = Recording.load(recording);
        Job job = GoJsonDecoder.decode(r.requestBody, JobRegisterBody.class).job;
        JobCanonicalizer.canonicalize(job);

        String answered = NomadJson.mapper().readTree(r.responseBody).get("Warnings").asText();

        assertThat(answered).isNotEmpty();
        assertThat(JobWarnings.format(job)).isEqualTo(answered);
    }
}
