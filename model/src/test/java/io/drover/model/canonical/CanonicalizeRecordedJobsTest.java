package io.drover.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drover.model.Job;
import io.drover.model.Task;
import io.drover.model.json.GoJsonDecoder;
import io.drover.model.json.JsonDiff;
import io.drover.model.json.NomadJson;
import io.drover.model.json.Recording;
import io.drover.model.validate.JobValidator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A recorded register body, decoded and canonicalized, serializes exactly as the real Nomad
 * returned the job afterwards, apart from the fields its state store sets.
 */
class CanonicalizeRecordedJobsTest {
    private static final String[] SERVER_SET = {"Status", "StatusDescription", "Stable", "Version", "SubmitTime",
            "CreateIndex", "ModifyIndex", "JobModifyIndex"};

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "005_jobs_register_raw_exec.txt, 007_job_read.txt",
            "077_jobs_register_mock_service.txt, 078_job_service_read.txt",
            "054_register_lowercase_field_names.txt, 100_job_lowercase_fields_read.txt",
            "057_job_update_via_job_path.txt, 058_job_versions.txt",
    })
    void canonicalizedBodyMatchesWhatNomadStored(String request, String response) throws Exception {
        JobRegisterBody body = GoJsonDecoder.decode(Recording.load(request).requestBody, JobRegisterBody.class);
        JobCanonicalizer.canonicalize(body.job);

        JsonNode expected = NomadJson.mapper().readTree(Recording.load(response).responseBody);
        if (expected.has("Versions")) {
            expected = expected.get("Versions").get(0);
        }
        JsonNode actual = NomadJson.mapper().readTree(NomadJson.write(body.job));

        assertThat(JsonDiff.firstDifference(withoutServerFields(expected), withoutServerFields(actual))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"005_jobs_register_raw_exec.txt", "077_jobs_register_mock_service.txt"})
    void serverSetFieldsAreTheirZeroValuesUntilTheStoreSetsThem(String request) throws Exception {
        JobRegisterBody body = GoJsonDecoder.decode(Recording.load(request).requestBody, JobRegisterBody.class);
        JobCanonicalizer.canonicalize(body.job);

        assertThat(body.job.status).isEmpty();
        assertThat(body.job.statusDescription).isEmpty();
        assertThat(body.job.stable).isFalse();
        assertThat(body.job.version).isZero();
        assertThat(body.job.submitTime).isZero();
        assertThat(body.job.createIndex).isZero();
        assertThat(body.job.modifyIndex).isZero();
        assertThat(body.job.jobModifyIndex).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"007_job_read.txt", "078_job_service_read.txt", "084_job_read_after_stop.txt",
            "100_job_lowercase_fields_read.txt"})
    void storedJobsReadAndWriteBackUnchanged(String response) throws Exception {
        String body = Recording.load(response).responseBody;
        Job job = NomadJson.read(body.getBytes(StandardCharsets.UTF_8), Job.class);

        JsonNode expected = NomadJson.mapper().readTree(body);
        JsonNode actual = NomadJson.mapper().readTree(NomadJson.write(job));
        assertThat(JsonDiff.firstDifference(expected, actual)).isNull();
        assertThat(actual.get("SubmitTime").asLong()).isEqualTo(expected.get("SubmitTime").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"create-job-0.7.json", "create-job-0.11.json"})
    void documentedSamplePayloadsAreAccepted(String name) throws Exception {
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/api-docs/" + name)) {
            body = in.readAllBytes();
        }
        JobRegisterBody decoded = GoJsonDecoder.decode(body, JobRegisterBody.class);
        JobCanonicalizer.canonicalize(decoded.job);

        assertThat(JobValidator.validate(decoded.job)).isEmpty();
        Task redis = decoded.job.taskGroups.get(0).tasks.get(0);
        assertThat(redis.services.get(0).addressMode).isEqualTo("auto");
        assertThat(redis.resources.networks.get(0).dynamicPorts.get(0).label).isEqualTo("db");
        assertThat(decoded.job.taskGroups.get(0).update.healthyDeadline).isEqualTo(180_000_000_000L);
    }

    private static JsonNode withoutServerFields(JsonNode job) {
        ObjectNode copy = job.deepCopy();
        for (String f : SERVER_SET) {
            copy.remove(f);
        }
        return copy;
    }
}
