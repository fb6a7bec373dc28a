package io.drover.model.validate;

import static io.drover.model.json.GoFmt.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Constraint;
import io.drover.model.EphemeralDisk;
import io.drover.model.Job;
import io.drover.model.Jobs;
import io.drover.model.ParameterizedJobConfig;
import io.drover.model.PeriodicConfig;
import io.drover.model.ReschedulePolicy;
import io.drover.model.RestartPolicy;
import io.drover.model.Task;
import io.drover.model.UpdateStrategy;
import io.drover.model.canonical.JobCanonicalizer;
import io.drover.model.canonical.JobRegisterBody;
import io.drover.model.json.GoJsonDecoder;
import io.drover.model.json.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid jobs are refused with Nomad's messages, nested and ordered as Nomad nests and orders them. */
class JobValidatorTest {

    private static List<String> validate(Job job, Consumer<Job> edit) {
        edit.accept(job);
        JobCanonicalizer.canonicalize(job);
        return JobValidator.validate(job);
    }

    /** The text Nomad gives for one error of task group g. */
    private static String inGroup(String... errors) {
        return "Task group g validation failed: " + MultiError.format(List.of(errors));
    }

    /** The text Nomad gives for errors of task t of group g. */
    private static String inTask(String... errors) {
        return inGroup("Task t validation failed: " + MultiError.format(List.of(errors)));
    }

    @Test
    void recordedInvalidJobGivesRecordedMessage() {
        Recording r = Recording.load("033_err_register_invalid_job.txt");
        Job job = Jobs.decode("{\"ID\": \"invalid-job\", \"Type\": \"batch\"}");
        JobCanonicalizer.canonicalize(job);

        assertThat(MultiError.format(JobValidator.validate(job))).isEqualTo(r.responseBody);
        assertThat(r.responseBody).isEqualTo("2 errors occurred:\n\t* Missing job datacenters\n\t* Missing job task groups\n\n");
    }

    @Test
    void recordedJobsAreValid() throws Exception {
        for (String name : new String[] {"005_jobs_register_raw_exec.txt", "077_jobs_register_mock_service.txt",
                "020_jobs_register_mock_driver.txt", "054_register_lowercase_field_names.txt",
                "094_register_without_json_content_type.txt"}) {
            Job job = GoJsonDecoder.decode(Recording.load(name).requestBody, JobRegisterBody.class).job;
            JobCanonicalizer.canonicalize(job);
            assertThat(JobValidator.validate(job)).as(name).isEmpty();
        }
        assertThat(validate(Jobs.service(), j -> { })).isEmpty();
    }

    @Test
    void jobLevelFieldsAreCheckedInNomadsOrder() {
        List<String> errors = validate(Jobs.batch(), j -> {
            j.id = "has space";
            j.priority = 101;
            j.type = "cron";
            j.datacenters = List.of("dc1", "");
        });
        assertThat(errors).containsExactly(
                "Job ID contains a space",
                "Invalid job type: \"cron\"",
                "Job priority must be between [1, 100]",
                "Job datacenter must be non-empty string");
    }

    @Test
    void anExplicitZeroPriorityIsRefusedWhileAMissingOneDefaults() {
        assertThat(validate(Jobs.batch(), j -> j.priority = 0)).containsExactly("Job priority must be between [1, 100]");
        assertThat(validate(Jobs.batch(), j -> j.priority = null)).isEmpty();
    }

    @Test
    void duplicateAndUnnamedGroupsAreReportedByPosition() {
        Job job = Jobs.decode("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": ["
                + "{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]},"
                + "{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]},"
                + "{\"Name\": \"\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        JobCanonicalizer.canonicalize(job);

        assertThat(JobValidator.validate(job)).containsExactly(
                "Job task group 2 redefines 'g' from group 1",
                "Job task group 3 missing name",
                "Task group  validation failed: " + MultiError.format(List.of("Missing task group name")));
    }

    @Test
    void negativeCountIsATaskGroupError() {
        assertThat(validate(Jobs.batch(), j -> Jobs.group(j).count = -1))
                .containsExactly(inGroup("Task group count can't be negative"));
    }

    @Test
    void duplicateTaskNamesAndTwoLeaders() {
        List<String> errors = validate(Jobs.batch(), j -> {
            Task copy = Jobs.decode("{\"TaskGroups\": [{\"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\", \"Leader\": true}]}]}")
                    .taskGroups.get(0).tasks.get(0);
            Jobs.task(j).leader = true;
            List<Task> tasks = new ArrayList<>(Jobs.group(j).tasks);
            tasks.add(copy);
            Jobs.group(j).tasks = tasks;
        });
        assertThat(errors).containsExactly(inGroup(
                "Task 2 redefines 't' from task 1",
                "Only one task may be marked as leader"));
    }

    @Test
    void missingDriverIsNestedInTaskAndGroup() {
        List<String> errors = validate(Jobs.batch(), j -> Jobs.task(j).driver = null);
        assertThat(errors).containsExactly(inTask("Missing task driver"));
        assertThat(MultiError.format(errors)).isEqualTo("1 error occurred:\n"
                + "\t* Task group g validation failed: 1 error occurred:\n"
                + "\t* Task t validation failed: 1 error occurred:\n"
                + "\t* Missing task driver\n\n\n\n\n\n");
    }

    @Test
    void resourceMinimumsAreNestedTwiceMoreAsInNomad() {
        List<String> errors = validate(Jobs.batch(), j -> {
            Jobs.task(j).resources.cpu = 10;
            Jobs.task(j).resources.memoryMb = 5;
        });
        String minimums = MultiError.format(List.of("minimum CPU value is 20; got 10", "minimum MemoryMB value is 10; got 5"));
        assertThat(errors).containsExactly(inTask(MultiError.format(List.of(minimums))));
        assertThat(errors.get(0)).contains("\t* minimum CPU value is 20; got 10\n\t* minimum MemoryMB value is 10; got 5\n");
    }

    @Test
    void cpuAtTheMinimumIsAccepted() {
        assertThat(validate(Jobs.batch(), j -> {
            Jobs.task(j).resources.cpu = 20;
            Jobs.task(j).resources.memoryMb = 10;
        })).isEmpty();
    }

    @Test
    void invalidRestartPolicy() {
        List<String> errors = validate(Jobs.batch(), j -> {
            RestartPolicy r = new RestartPolicy();
            r.attempts = 10;
            r.interval = 10 * SECOND;
            r.delay = 5 * SECOND;
            r.mode = "bogus";
            Jobs.group(j).restartPolicy = r;
        });
        assertThat(errors).containsExactly(inGroup(MultiError.format(List.of(
                "Unsupported restart mode: \"bogus\"",
                "Nomad can't restart the TaskGroup 10 times in an interval of 10s with a delay of 5s"))));
    }

    @Test
    void restartPolicyWithoutAttemptsMustFail() {
        List<String> errors = validate(Jobs.batch(), j -> {
            RestartPolicy r = new RestartPolicy();
            r.attempts = 0;
            r.mode = "delay";
            r.interval = SECOND;
            Jobs.group(j).restartPolicy = r;
        });
        assertThat(errors).containsExactly(inGroup(MultiError.format(List.of(
                "Restart policy \"delay\" with 0 attempts is ambiguous",
                "Interval can not be less than 5s (got 1s)"))));
    }

    @Test
    void rescheduleDelayBelowTheMinimumStopsFurtherChecks() {
        List<String> errors = validate(Jobs.batch(), j -> {
            ReschedulePolicy r = new ReschedulePolicy();
            r.attempts = 5;
            r.interval = 60 * SECOND;
            r.delay = SECOND;
            Jobs.group(j).reschedulePolicy = r;
        });
        assertThat(errors).containsExactly(inGroup(MultiError.format(List.of("Delay cannot be less than 5s (got 1s)"))));
    }

    @Test
    void rescheduleAttemptsThatDoNotFitTheInterval() {
        List<String> errors = validate(Jobs.batch(), j -> {
            ReschedulePolicy r = new ReschedulePolicy();
            r.attempts = 10;
            r.interval = 60 * SECOND;
            r.delay = 10 * SECOND;
            Jobs.group(j).reschedulePolicy = r;
        });
        assertThat(errors).containsExactly(inGroup(MultiError.format(List.of(
                "Nomad can only make 6 attempts in 1m0s with initial delay 10s and delay function \"constant\"",
                "Set the interval to at least 1m40s to accommodate 10 attempts"))));
    }

    @Test
    void rescheduleWithAttemptsAndUnlimitedIsAmbiguous() {
        List<String> errors = validate(Jobs.batch(), j -> {
            ReschedulePolicy r = new ReschedulePolicy();
            r.attempts = 2;
            r.unlimited = true;
            r.delayFunction = "linear";
            Jobs.group(j).reschedulePolicy = r;
        });
        assertThat(errors).containsExactly(inGroup(MultiError.format(List.of(
                "Reschedule Policy with Attempts = 2, Interval = 24h0m0s, and Unlimited = true is ambiguous",
                "If Attempts >0, Unlimited cannot also be set to true",
                "Invalid delay function \"linear\", must be one of [\"constant\" \"exponential\" \"fibonacci\"]",
                // Nomad prints the delay where it means the max delay.
                "Max Delay cannot be less than 5s (got 5s)",
                "Max Delay cannot be less than Delay 5s (got 0s)"))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "${attr.kernel.name} | bogus      | linux   | Unknown constraint type \"bogus\"",
            "${attr.kernel.name} | =          |         | Operator \"=\" requires an RTarget",
            "                    | =          | linux   | No LTarget provided but is required by constraint",
            "${attr.kernel.name} | regexp     | (linux  | Regular expression failed to compile: error parsing regexp: missing closing ): `(linux`",
            "${attr.kernel.name} | regexp     | a**     | Regular expression failed to compile: error parsing regexp: invalid nested repetition operator: `**`",
            "${attr.kernel.name} | regexp     | (?=x)   | Regular expression failed to compile: error parsing regexp: invalid or unsupported Perl syntax: `(?=`",
            "${attr.kernel.name} | version    | abc     | Version constraint is invalid: Malformed constraint: abc",
            "${attr.kernel.name} | semver     | ~> 1.2  | Semver constraint is invalid: Malformed constraint: ~> 1.2",
            "${attr.kernel.name} | set_contains |       | Set contains constraint requires an RTarget",
            "${attr.kernel.name} | is_set     | x       | Operator \"is_set\" does not support an RTarget",
            "${meta.rack}        | distinct_property | x | Failed to convert RTarget \"x\" to uint64: strconv.ParseUint: parsing \"x\": invalid syntax",
            "${meta.rack}        | distinct_property | 0 | Distinct Property must have an allowed count of 1 or greater: 0 < 1",
    })
    void badConstraintsAreNumberedAndNested(String lTarget, String operand, String rTarget, String message) {
        List<String> errors = validate(Jobs.batch(), j -> j.constraints = List.of(new Constraint(lTarget, operand, rTarget)));
        assertThat(errors).containsExactly("Constraint 1 validation failed: " + MultiError.format(List.of(message)));
    }

    @Test
    void goodConstraintsPass() {
        assertThat(validate(Jobs.batch(), j -> j.constraints = List.of(
                new Constraint("${attr.kernel.name}", "=", "linux"),
                new Constraint("${attr.kernel.version}", "version", ">= 3.1, < 5"),
                new Constraint("${attr.consul.version}", "semver", ">= 1.6.0-beta1"),
                new Constraint("${attr.unique.hostname}", "regexp", "^web-[0-9]+(?i:x)?$"),
                new Constraint("", "distinct_hosts", "")))).isEmpty();
    }

    @Test
    void distinctOperandsAreNotAllowedOnTasks() {
        List<String> errors = validate(Jobs.batch(), j -> Jobs.task(j).constraints = List.of(new Constraint("", "distinct_hosts", "")));
        assertThat(errors).containsExactly(inTask("Constraint 1 has disallowed Operand at task level: distinct_hosts"));
    }

    @Test
    void affinityWeightMustBeNonZeroAndAtMostAHundred() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                + " \"Affinities\": [{\"LTarget\": \"${node.class}\", \"Operand\": \"=\", \"RTarget\": \"a\", \"Weight\": 0},"
                + " {\"LTarget\": \"${node.class}\", \"Operand\": \"=\", \"RTarget\": \"b\", \"Weight\": 120},"
                + " {\"LTarget\": \"${node.class}\", \"Operand\": \"=\", \"RTarget\": \"c\"}],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        assertThat(job.affinities.get(2).weight).isEqualTo(50);
        assertThat(JobValidator.validate(job)).containsExactly(
                "Affinity 1 validation failed: " + MultiError.format(List.of("Affinity weight cannot be zero")),
                "Affinity 2 validation failed: " + MultiError.format(List.of("Affinity weight must be within the range [-100,100]")));
    }

    @Test
    void systemJobsMayNotHaveAffinitiesSpreadsOrMoreThanOneAllocation() {
        List<String> errors = validate(Jobs.batch(), j -> {
            j.type = "system";
            j.affinities = List.of();
            Jobs.group(j).count = 2;
        });
        assertThat(errors).containsExactly(
                "System jobs may not have an affinity stanza",
                "Job task group g has count 2. Count cannot exceed 1 with system scheduler");
    }

    @Test
    void spreadTargetsMustNotExceedAHundredPercent() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                + " \"Spreads\": [{\"Attribute\": \"${node.datacenter}\", \"SpreadTarget\": [{\"Value\": \"a\", \"Percent\": 70},"
                + " {\"Value\": \"a\", \"Percent\": 40}]}],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        assertThat(JobValidator.validate(job)).containsExactly("Spread 1 validation failed: " + MultiError.format(List.of(
                "Spread target value \"a\" already defined",
                "Sum of spread target percentages must not be greater than 100%; got 110%")));
    }

    @Test
    void batchJobsMayNotHaveAnUpdateBlock() {
        List<String> errors = validate(Jobs.batch(), j -> {
            j.update = new UpdateStrategy();
            j.update.maxParallel = 2;
        });
        assertThat(errors).containsExactly(inGroup("Job type \"batch\" does not allow update block"));
    }

    @Test
    void invalidUpdateStrategy() {
        List<String> errors = validate(Jobs.service(), j -> {
            UpdateStrategy u = new UpdateStrategy();
            u.healthCheck = "bogus";
            u.minHealthyTime = 10 * 60 * SECOND;
            u.autoPromote = true;
            Jobs.group(j).update = u;
        });
        assertThat(errors).containsExactly("Task group web validation failed: " + MultiError.format(List.of(MultiError.format(List.of(
                "Invalid health check given: \"bogus\"",
                "Auto Promote requires a Canary count greater than zero",
                "Minimum healthy time must be less than healthy deadline: 10m0s > 5m0s")))));
    }

    @Test
    void logsMustFitTheEphemeralDisk() {
        List<String> errors = validate(Jobs.batch(), j -> {
            Jobs.group(j).ephemeralDisk = new EphemeralDisk();
            Jobs.group(j).ephemeralDisk.sizeMb = 100;
        });
        assertThat(errors).containsExactly(inTask("log storage (100 MB) must be less than requested disk capacity (100 MB)"));
        assertThat(validate(Jobs.batch(), j -> {
            Jobs.group(j).ephemeralDisk = new EphemeralDisk();
            Jobs.group(j).ephemeralDisk.sizeMb = 5;
        })).containsExactly(inGroup(
                "minimum DiskMB value is 10; got 5",
                "Task t validation failed: " + MultiError.format(List.of(
                        "log storage (100 MB) must be less than requested disk capacity (5 MB)"))));
    }

    @Test
    void taskNamesMayNotContainSlashes() {
        assertThat(validate(Jobs.batch(), j -> Jobs.task(j).name = "a/b"))
                .containsExactly("Task group g validation failed: " + MultiError.format(List.of(
                        "Task a/b validation failed: " + MultiError.format(List.of("Task name cannot include slashes")))));
    }

    @Test
    void servicePortsMustExist() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"service\", \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\","
                + " \"Services\": [{\"Name\": \"web\", \"PortLabel\": \"http\", \"Checks\": [{\"Type\": \"http\","
                + " \"Path\": \"http://x/health\", \"Interval\": 10000000000, \"Timeout\": 2000000000}]}]}]}]}");
        assertThat(JobValidator.validate(job)).containsExactly(inTask(MultiError.format(List.of(
                "service[0] \"web\" validation failed: " + MultiError.format(List.of(
                        "Check service: \"web\" check invalid: http type must have a relative http path")),
                "port label \"http\" referenced by services web does not exist"))));
    }

    @Test
    void vaultRootPolicyIsRefused() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\","
                + " \"Vault\": {\"Policies\": [\"root\"]}}]}]}");
        assertThat(JobValidator.validate(job)).containsExactly(
                inTask("Vault validation failed: " + MultiError.format(List.of("Can not specify \"root\" policy"))));
    }

    @Test
    void templatesMustStayInTheAllocationDirectory() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\","
                + " \"Templates\": [{\"EmbeddedTmpl\": \"x\", \"DestPath\": \"../../../etc/passwd\", \"Perms\": \"999\"},"
                + " {\"EmbeddedTmpl\": \"x\", \"DestPath\": \"../../../etc/passwd\", \"ChangeMode\": \"signal\"}]}]}]}");
        assertThat(JobValidator.validate(job)).containsExactly(inTask(
                "Template 1 validation failed: " + MultiError.format(List.of(
                        "destination escapes allocation directory",
                        "Failed to parse \"999\" as octal: strconv.ParseUint: parsing \"999\": invalid syntax")),
                "Template 2 validation failed: " + MultiError.format(List.of("destination escapes allocation directory")),
                "Template 2 has same destination as 1"));
    }

    @Test
    void artifactsNeedASourceAndAValidChecksum() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\","
                + " \"Artifacts\": [{\"GetterOptions\": {\"checksum\": \"md5:xyz\"}}, {\"GetterSource\": \"http://x/a\","
                + " \"GetterOptions\": {\"checksum\": \"md5:abcd\"}, \"GetterMode\": \"zip\"}]}]}]}");
        assertThat(JobValidator.validate(job)).containsExactly(inTask(
                "Artifact 1 validation failed: " + MultiError.format(List.of(
                        "source must be specified",
                        "invalid checksum: encoding/hex: invalid byte: U+0078 'x'")),
                "Artifact 2 validation failed: " + MultiError.format(List.of(
                        "invalid artifact mode \"zip\"; must be one of: any, file, dir",
                        "invalid md5 checksum: abcd"))));
    }

    @Test
    void periodicJobsMustBeBatchWithAValidSpec() {
        List<String> errors = validate(Jobs.service(), j -> {
            j.periodic = new PeriodicConfig();
            j.periodic.spec = "*/5 * * *";
            j.periodic.timeZone = "Mars/Olympus";
        });
        assertThat(errors).containsExactly(
                "Periodic can only be used with \"batch\" scheduler",
                MultiError.format(List.of(
                        "Invalid time zone \"Mars/Olympus\": unknown time zone Mars/Olympus",
                        "Invalid cron spec \"*/5 * * *\": missing field(s)")));
        assertThat(validate(Jobs.batch(), j -> {
            j.periodic = new PeriodicConfig();
            j.periodic.spec = "*/15 * * * *";
            j.periodic.timeZone = "America/New_York";
        })).isEmpty();
    }

    @Test
    void parameterizedJobsMustBeBatchWithAKnownPayloadRule() {
        List<String> errors = validate(Jobs.service(), j -> {
            j.parameterizedJob = new ParameterizedJobConfig();
            j.parameterizedJob.payload = "sometimes";
            j.parameterizedJob.metaRequired = List.of("a", "b");
            j.parameterizedJob.metaOptional = List.of("b", "a");
        });
        assertThat(errors).containsExactly(
                "Parameterized job can only be used with \"batch\" scheduler",
                MultiError.format(List.of(
                        "Unknown payload requirement: \"sometimes\"",
                        "Required and optional meta keys should be disjoint. Following keys exist in both: [a b]")));
    }

    @Test
    void registerRefusesPayloadsAndCoreJobs() {
        assertThat(validate(Jobs.batch(), j -> j.payload = new byte[] {1}))
                .containsExactly("job can't be submitted with a payload, only dispatched");
        assertThat(validate(Jobs.batch(), j -> j.type = "_core")).containsExactly("job type cannot be core");
        // The struct's own Validate accepts both: dispatched children carry payloads.
        Job withPayload = Jobs.batch();
        withPayload.payload = new byte[] {1};
        JobCanonicalizer.canonicalize(withPayload);
        assertThat(JobValidator.validateSpec(withPayload)).isEmpty();
    }

    @Test
    void connectSidecarsNeedOneBridgeNetwork() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"service\", \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Networks\": [{\"Mode\": \"host\"}],"
                + " \"Services\": [{\"Name\": \"api\", \"PortLabel\": \"9090\", \"Connect\": {\"SidecarService\": {}}}],"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        assertThat(JobValidator.validate(job)).containsExactly(
                "Consul Connect sidecar requires bridge network, found \"host\" in group \"g\"");
    }

    @Test
    void emptyJobGetsEveryTopLevelError() {
        Job job = new Job();
        JobCanonicalizer.canonicalize(job);
        assertThat(JobValidator.validate(job)).containsExactly(
                "Missing job ID",
                "Missing job name",
                "Missing job datacenters",
                "Missing job task groups");
    }
}
