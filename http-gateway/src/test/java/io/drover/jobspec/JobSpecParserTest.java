package io.drover.jobspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Job;
import org.junit.jupiter.api.Test;

class JobSpecParserTest {
    private static final String SAMPLE = "job \"parsed-example\" {\n  datacenters = [\"dc1\"]\n  type = \"batch\"\n"
            + "  group \"g\" {\n    task \"t\" {\n      driver = \"raw_exec\"\n      config {\n"
            + "        command = \"/bin/sleep\"\n        args    = [\"5\"]\n      }\n      resources {\n"
            + "        cpu    = 100\n        memory = 32\n      }\n    }\n  }\n}\n";

    @Test
    void parsesTheReferenceSample() throws Exception {
        Job job = JobSpecParser.parse(SAMPLE);
        assertThat(ApiJobJson.write(job, false)).isEqualTo(Samples.body("016_jobs_parse_plain"));
    }

    @Test
    void canonicalizedAsTheReferenceSamples() throws Exception {
        Job job = JobSpecParser.parse(SAMPLE);
        io.drover.model.JobCanonicalizer.canonicalizeApi(job);
        assertThat(ApiJobJson.write(job, true)).isEqualTo(Samples.body("015_jobs_parse_canonicalize"));
        Job minimal = JobSpecParser.parse("job \"minimal\" {}\n");
        io.drover.model.JobCanonicalizer.canonicalizeApi(minimal);
        assertThat(ApiJobJson.write(minimal, true)).isEqualTo(Samples.body("048_parse_minimal_canonicalize"));
    }

    @Test
    void errorsAreNomads() {
        assertThatThrownBy(() -> JobSpecParser.parse("job \"broken\" {\n  datacenters = [\"dc1\"\n"))
                .hasMessage("error parsing: At 3:1: error parsing list, expected comma or list end, got: EOF");
        assertThatThrownBy(() -> JobSpecParser.parse("variable = 1\n"))
                .hasMessage("1 error occurred:\n\t* invalid key: variable\n\n");
        assertThatThrownBy(() -> JobSpecParser.parse("job \"a\" {}\njob \"b\" {}\n"))
                .hasMessage("error parsing 'job': only one 'job' block allowed");
    }

    @Test
    void severalStatementsOnOneLineAndInterpolationsKept() throws Exception {
        Job job = JobSpecParser.parse("job \"j\" { datacenters = [\"dc1\"] type = \"batch\" "
                + "group \"g\" { count = 2 task \"t\" { driver = \"exec\" "
                + "config { command = \"${NOMAD_TASK_DIR}/run\" } } } } # done");
        assertThat(job.type).isEqualTo("batch");
        assertThat(job.taskGroups.get(0).count).isEqualTo(2);
        assertThat(job.taskGroups.get(0).tasks.get(0).config).containsEntry("command", "${NOMAD_TASK_DIR}/run");
    }

    @Test
    void printsNomadJobInitsExample() throws Exception {
        String hcl = new String(getClass().getResourceAsStream("/jobspec/example.nomad").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        System.out.println(ApiJobJson.write(JobSpecParser.parse(hcl), false));
    }
}
