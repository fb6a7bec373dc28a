package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.GatewayHarness;
import io.drover.jobspec.Samples;
import io.drover.testkit.http.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/jobs/parse}: answered by the gateway itself, nothing goes to the leader. */
class JobSpecRoutesTest {
    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void parseAnswersTheJobAndWritesNothing() {
        Answer a = h.post("/v1/jobs/parse", "{\"JobHCL\": \"job \\\"minimal\\\" {}\\n\", \"Canonicalize\": true}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).contains("\"ID\":\"minimal\"").contains("\"Priority\":50");
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void theRecordedParsesAnswerAlike() {
        String plain = "{\"JobHCL\": \"job \\\"parsed-example\\\" {\\n  datacenters = [\\\"dc1\\\"]\\n"
                + "  type = \\\"batch\\\"\\n  group \\\"g\\\" {\\n    task \\\"t\\\" {\\n"
                + "      driver = \\\"raw_exec\\\"\\n      config {\\n        command = \\\"/bin/sleep\\\"\\n"
                + "        args    = [\\\"5\\\"]\\n      }\\n      resources {\\n        cpu    = 100\\n"
                + "        memory = 32\\n      }\\n    }\\n  }\\n}\\n\"";

        Answer canonical = h.post("/v1/jobs/parse", plain + ", \"Canonicalize\": true}");
        Answer asWritten = h.post("/v1/jobs/parse", plain + "}");
        Answer put = h.send("PUT", "/v1/jobs/parse", plain + "}");
        Answer minimal = h.post("/v1/jobs/parse", "{\"JobHCL\": \"job \\\"minimal\\\" {}\\n\", \"Canonicalize\": true}");

        assertThat(canonical.status()).isEqualTo(200);
        assertThat(canonical.header("Content-Type")).isEqualTo("application/json");
        assertThat(canonical.body()).isEqualTo(Samples.body("015_jobs_parse_canonicalize"));
        assertThat(asWritten.body()).isEqualTo(Samples.body("016_jobs_parse_plain"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).isEqualTo(Samples.body("016_jobs_parse_plain"));
        assertThat(minimal.body()).isEqualTo(Samples.body("048_parse_minimal_canonicalize"));
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void theRecordedErrorsAnswerAlike() {
        assertError(h.post("/v1/jobs/parse", "{\n  \"JobHCL\": \"job \\\"broken\\\" {\\n  datacenters = [\\\"dc1\\\"\\n\"\n}"),
                400, "error parsing: At 3:1: error parsing list, expected comma or list end, got: EOF");
        assertError(h.post("/v1/jobs/parse", "{\n  \"JobHCL\": \"\"\n}"), 400, "Job spec is empty");
        assertError(h.post("/v1/jobs/parse", "{}\n"), 400, "Job spec is empty");
        assertError(h.post("/v1/jobs/parse", "{\"JobHCL\": \"job \\\"x\\\" {"), 400, "unexpected EOF");
        assertError(h.send("GET", "/v1/jobs/parse", null), 405, "Invalid method");
        assertError(h.post("/v1/jobs/parse", "{\"JobHCL\": \"variable = 1\\n\"}"), 400,
                "1 error occurred:\n\t* invalid key: variable\n\n");
        assertError(h.post("/v1/jobs/parse", "{\"JobHCL\": \"job \\\"a\\\" {}\\njob \\\"b\\\" {}\\n\"}"), 400,
                "error parsing 'job': only one 'job' block allowed");
    }

    /**
     * Errors deep in a job keep Nomad's words and the prefixes each of its parse functions puts
     * before them: a key check's multierror, a plain refusal, one formatted into another's text.
     * Unlike Nomad's, each also ends with where it is in the file; HCL syntax errors stay Nomad's.
     */
    @Test
    void nestedErrorsAreWordedAsNomads() {
        assertError(parse("""
                job "j" {
                  group "web" {
                    task "app" {
                      service {
                        name = "api"
                        check {
                          type  = "tcp"
                          every = "10s"
                        }
                      }
                    }
                  }
                }
                """), 400, "error parsing 'job': 1 error occurred:\n"
                + "\t* group: 'web', task: 'app', service (0): 'api', check -> invalid key: every (at 8:11)\n\n");
        assertError(parse("""
                job "j" {
                  group "web" {
                    restart { attempts = 1 }
                    restart { attempts = 2 }
                  }
                }
                """), 400, "error parsing 'job': group: 'web', restart -> only one 'restart' block allowed (at 4:5)");
        assertError(parse("""
                job "j" {
                  group "web" {
                    task "app" {
                      resources {
                        network {
                          colour = "blue"
                        }
                      }
                    }
                  }
                }
                """), 400, "error parsing 'job': group: 'web', task: 'app', resources -> resource, "
                + "1 error occurred:\n\t* network -> invalid key: colour (at 6:11)\n\n");
        assertError(parse("job \"j\" {\n  group \"web\" {\n    count = = 2\n  }\n}\n"), 400,
                "error parsing: At 3:13: Unknown token: 3:13 ASSIGN =");
    }

    private Answer parse(String hcl) {
        try {
            return h.post("/v1/jobs/parse", io.drover.model.json.NomadJson.mapper()
                    .writeValueAsString(java.util.Map.of("JobHCL", hcl)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(Answer a, int status, String body) {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.body()).isEqualTo(body);
        assertThat(a.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void validateAnswers200WithTheValidationErrors() {
        Answer a = h.post("/v1/validate/job", "{\"Job\": {\"ID\": \"invalid-job\", \"Type\": \"batch\"}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(Samples.body("089_validate_job"));
        assertThat(h.cluster.writes).isEmpty();
    }

    @Test
    void aValidJobValidatesWithoutErrors() {
        Answer a = h.post("/v1/validate/job", "{\"Job\": {\"ID\": \"ok\", \"Datacenters\": [\"dc1\"],"
                + "\"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\"}]}]}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("{\"DriverConfigValidated\":true,\"ValidationErrors\":null,\"Error\":\"\",\"Warnings\":\"\"}");
        assertThat(h.post("/v1/validate/job", "{}").body()).isEqualTo("Job must be specified");
    }

    @Test
    void aBodyOfTheWrongTypeIsRefusedAsGoWould() {
        Answer a = h.post("/v1/jobs/parse", "{\"JobHCL\": 5}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body()).isEqualTo(
                "json: cannot unmarshal number into Go struct field JobsParseRequest.JobHCL of type string");
    }

    /** What {@code nomad job validate example.nomad} does: parse, then validate the parsed job. */
    @Test
    void nomadJobInitsExampleParsesThenValidatesClean() throws Exception {
        String hcl;
        try (var in = getClass().getResourceAsStream("/jobspec/example.nomad")) {
            hcl = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var mapper = io.drover.model.json.NomadJson.mapper();
        Answer parsed = h.post("/v1/jobs/parse", mapper.writeValueAsString(java.util.Map.of("JobHCL", hcl)));
        assertThat(parsed.status()).isEqualTo(200);

        Answer validated = h.post("/v1/validate/job", "{\"Job\": " + parsed.body() + "}");

        assertThat(validated.status()).isEqualTo(200);
        assertThat(validated.json().get("ValidationErrors").isNull()).isTrue();
        assertThat(validated.json().get("Error").asText()).isEmpty();
        assertThat(validated.json().get("DriverConfigValidated").asBoolean()).isTrue();
    }

    /** Before, a thousand nested blocks overflowed the stack: a 500 "StackOverflowError". */
    @Test
    void deeplyNestedFilesAreA400WithAnHclError() {
        String blocks = "job \\\"x\\\" { group \\\"g\\\" { task \\\"t\\\" { config { "
                + "a { ".repeat(1000) + "}".repeat(1004);
        String lists = "job \\\"x\\\" { meta = " + "[".repeat(100_000) + "]".repeat(100_000) + " }";
        String labels = "job \\\"x\\\" { group \\\"g\\\" { task \\\"t\\\" { config { a"
                + " b".repeat(5000) + " {} } } } }";

        for (String hcl : new String[] {blocks, lists, labels}) {
            Answer a = h.post("/v1/jobs/parse", "{\"JobHCL\": \"" + hcl + "\"}");
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).startsWith("error parsing: At 1:").contains(": nested too deeply (more than");
        }
        assertThat(h.cluster.writes).isEmpty();
    }
}
