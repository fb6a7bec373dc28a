package io.drover.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.Jobs;
import io.drover.model.ParameterizedJobConfig;
import io.drover.model.PeriodicConfig;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.GoJsonDecoder;
import io.drover.model.json.Recording;
import io.drover.model.scaling.ScalingPolicyIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What counts as a new version of a job, and which changes a register may not make. */
class JobSpecsTest {

    private static Job stored() {
        Job job = Jobs.batch();
        JobCanonicalizer.canonicalize(job);
        job.status = Job.STATUS_RUNNING;
        job.statusDescription = "ok";
        job.stable = true;
        job.version = 3L;
        job.submitTime = 1_795_323_573_035_407_646L;
        job.createIndex = 10L;
        job.modifyIndex = 12L;
        job.jobModifyIndex = 10L;
        return job;
    }

    private static Job resubmitted() {
        Job job = Jobs.batch();
        JobCanonicalizer.canonicalize(job);
        return job;
    }

    @Test
    void serverSetFieldsDoNotMakeANewVersion() {
        assertThat(JobSpecs.specChanged(stored(), resubmitted())).isFalse();
    }

    @Test
    void recordedReRegistersOfTheSameJobAreUnchanged() throws Exception {
        // Nomad kept JobModifyIndex 10 for these (052, 053); 057 changed the args and made version 1.
        Job first = GoJsonDecoder.decode(Recording.load("005_jobs_register_raw_exec.txt").requestBody, JobRegisterBody.class).job;
        JobCanonicalizer.canonicalize(first);
        for (String same : new String[] {"052_register_unknown_fields.txt", "053_register_lowercase_job_key.txt"}) {
            Job again = GoJsonDecoder.decode(Recording.load(same).requestBody, JobRegisterBody.class).job;
            JobCanonicalizer.canonicalize(again);
            assertThat(JobSpecs.specChanged(first, again)).as(same).isFalse();
        }
        Job changed = GoJsonDecoder.decode(Recording.load("057_job_update_via_job_path.txt").requestBody, JobRegisterBody.class).job;
        JobCanonicalizer.canonicalize(changed);
        assertThat(JobSpecs.specChanged(first, changed)).isTrue();
    }

    @Test
    void anyUserFieldMakesANewVersion() {
        Job a = resubmitted();
        a.priority = 60;
        assertThat(JobSpecs.specChanged(stored(), a)).isTrue();

        Job b = resubmitted();
        Jobs.group(b).count = 2;
        assertThat(JobSpecs.specChanged(stored(), b)).isTrue();

        Job c = resubmitted();
        Jobs.task(c).config.put("command", "/bin/false");
        assertThat(JobSpecs.specChanged(stored(), c)).isTrue();

        Job d = resubmitted();
        d.meta = Map.of("owner", "me");
        assertThat(JobSpecs.specChanged(stored(), d)).isTrue();

        Job e = resubmitted();
        e.stop = true;
        assertThat(JobSpecs.specChanged(stored(), e)).isTrue();
    }

    @Test
    void mapOrderAndNumberTypesDoNotCount() {
        Job a = resubmitted();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("count", 3);
        config.put("command", "/bin/true");
        Jobs.task(a).config = config;
        Job b = resubmitted();
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("command", "/bin/true");
        reordered.put("count", 3L);
        Jobs.task(b).config = reordered;
        assertThat(JobSpecs.specChanged(a, b)).isFalse();
    }

    @Test
    void noExistingJobMeansChanged() {
        assertThat(JobSpecs.specChanged(null, resubmitted())).isTrue();
        assertThat(JobSpecs.specChanged(null, null)).isFalse();
    }

    @Test
    void scalingPolicyIdsCarryOverByGroup() {
        Job first = Jobs.canonical("{\"ID\": \"j\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": ["
                + "{\"Name\": \"a\", \"Scaling\": {\"Max\": 3}, \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        ScalingPolicyIds.propagate(null, first);
        String id = Jobs.group(first).scaling.id;
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        Job second = Jobs.canonical("{\"ID\": \"j\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": ["
                + "{\"Name\": \"a\", \"Scaling\": {\"Max\": 3}, \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]},"
                + "{\"Name\": \"b\", \"Scaling\": {\"Max\": 3}, \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        ScalingPolicyIds.propagate(first, second);
        assertThat(second.taskGroups.get(0).scaling.id).isEqualTo(id);
        assertThat(second.taskGroups.get(1).scaling.id).isNotEqualTo(id).isNotEmpty();
    }

    @Test
    void registerMayNotChangeTypePeriodicityOrParameterization() {
        Job batch = resubmitted();
        Job service = Jobs.service();
        JobCanonicalizer.canonicalize(service);
        assertThat(JobSpecs.updateError(batch, service)).isEqualTo("cannot update job from type \"batch\" to \"service\"");

        Job periodic = resubmitted();
        periodic.periodic = new PeriodicConfig();
        assertThat(JobSpecs.updateError(batch, periodic)).isEqualTo("cannot update non-periodic job to being periodic");
        assertThat(JobSpecs.updateError(periodic, batch)).isEqualTo("cannot update periodic job to being non-periodic");

        Job parameterized = resubmitted();
        parameterized.parameterizedJob = new ParameterizedJobConfig();
        assertThat(JobSpecs.updateError(batch, parameterized))
                .isEqualTo("cannot update non-parameterized job to being parameterized");
        assertThat(JobSpecs.updateError(parameterized, batch))
                .isEqualTo("cannot update parameterized job to being non-parameterized");

        Job dispatched = resubmitted();
        dispatched.dispatched = true;
        assertThat(JobSpecs.updateError(null, dispatched)).isEqualTo("job can't be submitted with 'Dispatched' set");
        assertThat(JobSpecs.updateError(batch, dispatched)).isEqualTo("field 'Dispatched' is read-only");
        assertThat(JobSpecs.updateError(batch, resubmitted())).isNull();
        assertThat(JobSpecs.updateError(null, resubmitted())).isNull();
    }

    @Test
    void copiesAreDeepAndEqual() {
        Job job = stored();
        Job copy = job.copy();
        assertThat(JobSpecs.specChanged(job, copy)).isFalse();
        assertThat(copy.version).isEqualTo(3L);
        Jobs.task(copy).config.put("x", 1);
        assertThat(Jobs.task(job).config).doesNotContainKey("x");
        assertThat(copy.isPeriodic()).isFalse();
        assertThat(copy.isParameterized()).isFalse();
        assertThat(copy.isStopped()).isFalse();
        assertThat(List.of(copy.taskGroups.get(0).name)).containsExactly("g");
    }
}
