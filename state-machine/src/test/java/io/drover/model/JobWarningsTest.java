package io.drover.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
