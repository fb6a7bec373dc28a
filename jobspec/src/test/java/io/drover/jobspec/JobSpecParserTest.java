package io.drover.jobspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Job;
import io.drover.model.canonical.JobCanonicalizer;
import org.junit.jupiter.api.Test;

class JobSpecParserTest {
    private static final String SAMPLE = "job \"parsed-example\" {\n  datacenters = [\"dc1\"]\n  type = \"batch\"\n"
            + "  group \"g\" {\n    task \"t\" {\n      driver = \"raw_exec\"\n      config {\n"
            + "        command = \"/bin/sleep\"\n        args    = [\"5\"]\n      }\n      resources {\n"
            + "        cpu    = 100\n        memory = 32\n      }\n    }\n  }\n}\n";

    @Test
    void parsesTheReferenceSample() throws Exception {
        Job job = JobSpecParser.parse(SAMPLE);
        assertThat(ApiJobJson.write(job)).isEqualTo(Samples.body("016_jobs_parse_plain"));
    }

    @Test
    void canonicalizedAsTheReferenceSamples() throws Exception {
        Job job = JobSpecParser.parse(SAMPLE);
        JobCanonicalizer.canonicalizeApi(job);
        assertThat(ApiJobJson.write(job)).isEqualTo(Samples.body("015_jobs_parse_canonicalize"));
        Job minimal = JobSpecParser.parse("job \"minimal\" {}\n");
        JobCanonicalizer.canonicalizeApi(minimal);
        assertThat(ApiJobJson.write(minimal)).isEqualTo(Samples.body("048_parse_minimal_canonicalize"));
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

    private static String resource(String name) throws java.io.IOException {
        try (var in = JobSpecParserTest.class.getResourceAsStream("/jobspec/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSeedDocsOneLineSpecParsesAndCanonicalizes() throws Exception {
        Job job = JobSpecParser.parse("job \"example\" { type = \"service\" group \"cache\" {} }");
        JobCanonicalizer.canonicalizeApi(job);

        assertThat(job.id).isEqualTo("example");
        assertThat(job.type).isEqualTo("service");
        assertThat(job.taskGroups).extracting(g -> g.name).containsExactly("cache");
        assertThat(job.taskGroups.get(0).count).isEqualTo(1);
        assertThat(job.taskGroups.get(0).restartPolicy.mode).isEqualTo("fail");
        assertThat(job.update.maxParallel).isEqualTo(1);
    }

    @Test
    void commentsHeredocsAndCommasBetweenItems() throws Exception {
        Job job = JobSpecParser.parse("""
                /* a block
                   comment */
                job "c" { // line comment
                  datacenters = ["dc1",] # trailing comma in a list
                  meta { a = "1", b = "2" }
                  group "g" {
                    task "t" {
                      driver = "exec"
                      template {
                        data = <<-EOT
                          line one
                            indented "quoted"
                          EOT
                        destination = "local/x"
                      }
                    }
                  }
                }
                """);

        assertThat(job.datacenters).containsExactly("dc1");
        assertThat(job.meta).containsEntry("a", "1").containsEntry("b", "2");
        assertThat(job.taskGroups.get(0).tasks.get(0).templates.get(0).embeddedTmpl)
                .isEqualTo("line one\n  indented \"quoted\"\n");
    }

    @Test
    void invalidKeysNameWhereTheyAre() {
        assertThatThrownBy(() -> JobSpecParser.parse("job \"j\" { colour = 1 }"))
                .hasMessage("error parsing 'job': 1 error occurred:\n\t* job: invalid key: colour (at 1:11)\n\n");
        assertThatThrownBy(() -> JobSpecParser.parse("job \"j\" { group \"g\" { colour = 1 } }"))
                .hasMessage("error parsing 'job': 1 error occurred:\n\t* group: 'g' -> invalid key: colour (at 1:23)\n\n");
        assertThatThrownBy(() -> JobSpecParser.parse("job \"j\" { group \"g\" { task \"t\" { colour = 1 } } }"))
                .hasMessage("error parsing 'job': 1 error occurred:\n\t* group: 'g', task: 't', invalid key: colour (at 1:34)\n\n");
        assertThatThrownBy(() -> JobSpecParser.parse("job \"j\" { group \"g\" { task \"t\" { resources { gpu = 1 } } } }"))
                .hasMessage("error parsing 'job': 1 error occurred:\n\t* group: 'g', task: 't', resources -> resources -> "
                        + "invalid key: gpu (at 1:46)\n\n");
        // Nomad words a refusal of its own (not a key check) as a plain error, not a multierror.
        assertThatThrownBy(() -> JobSpecParser.parse("job \"j\" { group \"g\" { restart {} restart {} } }"))
                .hasMessage("error parsing 'job': group: 'g', restart -> only one 'restart' block allowed (at 1:34)");
        assertThatThrownBy(() -> JobSpecParser.parse("job \"j\" { group \"g\" {} group \"g\" {} }"))
                .hasMessage("error parsing 'job': group: group 'g' defined more than once (at 1:30)");
        assertThatThrownBy(() -> JobSpecParser.parse("job \"j\" { group \"g\" { task \"t\" {} task \"t\" {} } }"))
                .hasMessage("error parsing 'job': group: 'g', task: task 't' defined more than once (at 1:40)");
    }

    @Test
    void durationsAndNumbersAreWeaklyTyped() throws Exception {
        Job job = JobSpecParser.parse("job \"j\" { priority = \"70\" group \"g\" { count = \"3\" "
                + "restart { delay = \"1m30s\" attempts = 2 } task \"t\" { kill_timeout = 1000 } } }");

        assertThat(job.priority).isEqualTo(70);
        assertThat(job.taskGroups.get(0).count).isEqualTo(3);
        assertThat(job.taskGroups.get(0).restartPolicy.delay).isEqualTo(90_000_000_000L);
        assertThat(job.taskGroups.get(0).tasks.get(0).killTimeout).isEqualTo(1000L);
        assertThatThrownBy(() -> JobSpecParser.parse("job \"j\" { group \"g\" { restart { delay = \"soon\" } } }"))
                .hasMessageContaining("time: invalid duration");
    }

    @Test
    void aTaskOutsideAGroupIsAGroupOfItsOwnFirst() throws Exception {
        Job job = JobSpecParser.parse("job \"j\" { group \"g\" {} task \"solo\" { driver = \"exec\" } }");

        assertThat(job.taskGroups).extracting(g -> g.name).containsExactly("solo", "g");
    }

    /** Damaged files (seeded, so a failure replays) are refused with a message, never a crash. */
    @Test
    void damagedFilesAreRefusedNotCrashedOn() throws Exception {
        String whole = resource("everything.nomad");
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder damaged = new StringBuilder(whole);
            for (int cut = 0; cut < 1 + random.nextInt(3); cut++) {
                int at = random.nextInt(damaged.length());
                if (random.nextBoolean()) {
                    damaged.delete(at, Math.min(damaged.length(), at + 1 + random.nextInt(8)));
                } else {
                    String noise = "{}[]=\",<#x1-.";
                    damaged.insert(at, noise.charAt(random.nextInt(noise.length())));
                }
            }
            String src = damaged.toString();
            try {
                JobSpecParser.parse(src);
            } catch (JobSpecException expected) {
                assertThat(expected.getMessage()).as("round %d", round).isNotBlank();
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + " crashed on:\n" + src, e);
            }
        }
    }
}
