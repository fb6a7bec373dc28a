package io.drover.model.canonical;

import static io.drover.model.json.GoFmt.HOUR;
import static io.drover.model.json.GoFmt.MINUTE;
import static io.drover.model.json.GoFmt.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Job;
import io.drover.model.Jobs;
import io.drover.model.MigrateStrategy;
import io.drover.model.ReschedulePolicy;
import io.drover.model.RestartPolicy;
import io.drover.model.Service;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.Template;
import io.drover.model.UpdateStrategy;
import io.drover.model.connect.ConsulExposePath;
import io.drover.model.diff.JobSpecs;
import io.drover.model.json.NomadJson;
import io.drover.model.validate.InvalidJobException;
import io.drover.model.validate.JobValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The defaults and conversions Nomad applies to a job between a register body and its state store. */
class JobCanonicalizerTest {

    @Test
    void missingFieldsGetNomadsDefaults() {
        Job job = Jobs.canonical("{\"ID\": \"only-id\", \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");

        assertThat(job.name).isEqualTo("only-id");
        assertThat(job.type).isEqualTo("service");
        assertThat(job.region).isEqualTo("global");
        assertThat(job.namespace).isEqualTo("default");
        assertThat(job.priority).isEqualTo(50);
        assertThat(job.parentId).isEmpty();
        TaskGroup tg = Jobs.group(job);
        assertThat(tg.name).isEmpty();
        assertThat(tg.count).isEqualTo(1);
        Task t = Jobs.task(job);
        assertThat(t.resources.cpu).isEqualTo(100);
        assertThat(t.resources.memoryMb).isEqualTo(300);
        assertThat(t.resources.diskMb).isZero();
        assertThat(t.killTimeout).isEqualTo(5 * SECOND);
        assertThat(t.logConfig.maxFiles).isEqualTo(10);
        assertThat(t.logConfig.maxFileSizeMb).isEqualTo(10);
        assertThat(t.user).isEmpty();
        assertThat(t.killSignal).isEmpty();
        assertThat(t.kind).isEmpty();
        assertThat(t.shutdownDelay).isZero();
        assertThat(t.leader).isFalse();
        assertThat(tg.shutdownDelay).isNull();
        assertThat(tg.stopAfterClientDisconnect).isNull();
    }

    @Test
    void restartAndReschedulePoliciesDependOnTheJobType() {
        Job batch = Jobs.batch();
        JobCanonicalizer.canonicalize(batch);
        assertThat(restart(Jobs.group(batch).restartPolicy)).containsExactly(3, 24 * HOUR, 15 * SECOND, "fail");
        assertThat(reschedule(Jobs.group(batch).reschedulePolicy))
                .containsExactly(1, 24 * HOUR, 5 * SECOND, "constant", 0L, false);
        assertThat(Jobs.group(batch).update).isNull();
        assertThat(Jobs.group(batch).migrate).isNull();

        Job service = Jobs.service();
        JobCanonicalizer.canonicalize(service);
        assertThat(restart(Jobs.group(service).restartPolicy)).containsExactly(2, 30 * MINUTE, 15 * SECOND, "fail");
        assertThat(reschedule(Jobs.group(service).reschedulePolicy))
                .containsExactly(0, 0L, 30 * SECOND, "exponential", HOUR, true);
        assertThat(Jobs.group(service).migrate.maxParallel).isEqualTo(1);
        assertThat(Jobs.group(service).migrate.healthCheck).isEqualTo("checks");
        assertThat(Jobs.group(service).update.stagger).isEqualTo(30 * SECOND);
        assertThat(Jobs.group(service).update.progressDeadline).isEqualTo(10 * MINUTE);

        Job system = Jobs.batch();
        system.type = "system";
        JobCanonicalizer.canonicalize(system);
        assertThat(restart(Jobs.group(system).restartPolicy)).containsExactly(2, 30 * MINUTE, 15 * SECOND, "fail");
        assertThat(Jobs.group(system).reschedulePolicy).isNull();
        assertThat(Jobs.group(system).migrate).isNull();
        assertThat(Jobs.group(system).update).isNull();
    }

    @Test
    void jobLevelUpdateKeepsOnlyStaggerAndMaxParallelAndFeedsTheGroups() {
        Job job = Jobs.canonical("{\"ID\": \"s\", \"Datacenters\": [\"dc1\"], \"Update\": {\"MaxParallel\": 3,"
                + " \"Canary\": 1, \"HealthCheck\": \"task_states\"}, \"TaskGroups\": ["
                + "{\"Name\": \"a\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]},"
                + "{\"Name\": \"b\", \"Update\": {\"Canary\": 2, \"AutoRevert\": true}, \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");

        assertThat(job.update.maxParallel).isEqualTo(3);
        assertThat(job.update.stagger).isEqualTo(30 * SECOND);
        assertThat(job.update.canary).isZero();
        assertThat(job.update.healthCheck).isEmpty();
        UpdateStrategy a = job.taskGroups.get(0).update;
        assertThat(a.maxParallel).isEqualTo(3);
        assertThat(a.canary).isEqualTo(1);
        assertThat(a.healthCheck).isEqualTo("task_states");
        assertThat(a.healthyDeadline).isEqualTo(5 * MINUTE);
        UpdateStrategy b = job.taskGroups.get(1).update;
        assertThat(b.canary).isEqualTo(2);
        assertThat(b.autoRevert).isTrue();
        assertThat(b.maxParallel).isEqualTo(3);
    }

    @Test
    void jobLevelRescheduleAndMigrateAreMergedIntoGroupsAndNotStored() {
        Job job = Jobs.canonical("{\"ID\": \"s\", \"Datacenters\": [\"dc1\"],"
                + " \"Reschedule\": {\"Attempts\": 5, \"Interval\": 3600000000000, \"Unlimited\": false},"
                + " \"Migrate\": {\"MaxParallel\": 2},"
                + " \"TaskGroups\": [{\"Name\": \"a\", \"ReschedulePolicy\": {\"Attempts\": 7}, \"Migrate\": {\"HealthCheck\": \"task_states\"},"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");

        ReschedulePolicy r = Jobs.group(job).reschedulePolicy;
        assertThat(reschedule(r)).containsExactly(7, HOUR, 30 * SECOND, "exponential", HOUR, false);
        MigrateStrategy m = Jobs.group(job).migrate;
        assertThat(m.maxParallel).isEqualTo(2);
        assertThat(m.healthCheck).isEqualTo("task_states");
        assertThat(m.minHealthyTime).isEqualTo(10 * SECOND);
        assertThat(job.reschedule).isNull();
        assertThat(job.migrate).isNull();
        String json = new String(NomadJson.write(job));
        assertThat(json).doesNotContain("\"Reschedule\"").contains("\"ReschedulePolicy\"");
    }

    @Test
    void groupRestartPolicyOverridesTheDefaultAndTasksInheritIt() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\","
                + " \"RestartPolicy\": {\"Attempts\": 1, \"Mode\": \"delay\"},"
                + " \"Tasks\": [{\"Name\": \"a\", \"Driver\": \"d\"}, {\"Name\": \"b\", \"Driver\": \"d\", \"RestartPolicy\": {\"Delay\": 1000000000}}]}]}");
        TaskGroup tg = Jobs.group(job);
        assertThat(restart(tg.restartPolicy)).containsExactly(1, 24 * HOUR, 15 * SECOND, "delay");
        assertThat(restart(tg.tasks.get(0).restartPolicy)).containsExactly(1, 24 * HOUR, 15 * SECOND, "delay");
        assertThat(restart(tg.tasks.get(1).restartPolicy)).containsExactly(1, 24 * HOUR, SECOND, "delay");
        assertThat(tg.tasks.get(0).restartPolicy).isNotSameAs(tg.restartPolicy);
    }

    @Test
    void explicitZeroValuesAreKept() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Priority\": 0, \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 0, \"EphemeralDisk\": {\"SizeMB\": 0},"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\", \"KillTimeout\": 0, \"Resources\": {\"CPU\": 0}}]}]}");
        assertThat(job.priority).isZero();
        assertThat(Jobs.group(job).count).isZero();
        assertThat(Jobs.group(job).ephemeralDisk.sizeMb).isZero();
        assertThat(Jobs.task(job).resources.cpu).isZero();
        assertThat(Jobs.task(job).resources.memoryMb).isEqualTo(300);
        // The server struct's Canonicalize treats a zero kill timeout as unset.
        assertThat(Jobs.task(job).killTimeout).isEqualTo(5 * SECOND);
    }

    @Test
    void theRegisterDropsWhatNomadsConversionDoesNotCopy() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"Status\": \"running\","
                + " \"Version\": 4, \"Dispatched\": true, \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Networks\": [{\"Device\": \"eth0\", \"DynamicPorts\": []}],"
                + " \"Volumes\": {\"data\": {\"Type\": \"host\", \"Source\": \"d\"}, \"odd\": {\"Type\": \"nfs\"}},"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\", \"Resources\": {\"DiskMB\": 200, \"IOPS\": 5},"
                + " \"Services\": [{\"Name\": \"s\", \"Id\": \"x\", \"Meta\": {}, \"Checks\": [{\"Name\": \"c\", \"Type\": \"tcp\","
                + " \"Expose\": true, \"TaskName\": \"t\"}], \"Connect\": {\"Native\": true}}]}]}]}");
        assertThat(job.status).isEmpty();
        assertThat(job.version).isZero();
        assertThat(job.dispatched).isFalse();
        TaskGroup tg = Jobs.group(job);
        assertThat(tg.networks.get(0).device).isEmpty();
        assertThat(tg.networks.get(0).mbits).isEqualTo(10);
        assertThat(tg.networks.get(0).dynamicPorts).isNull();
        assertThat(tg.volumes).containsOnlyKeys("data");
        Task t = Jobs.task(job);
        assertThat(t.resources.diskMb).isZero();
        assertThat(t.resources.iops).isEqualTo(5);
        Service s = t.services.get(0);
        assertThat(s.connect).isNull();
        assertThat(s.meta).isNull();
        assertThat(s.checks.get(0).expose).isFalse();
        assertThat(s.checks.get(0).taskName).isEmpty();
    }

    @Test
    void emptyMapsBecomeNullAsNomadStoresThem() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"Meta\": {},"
                + " \"Constraints\": [], \"TaskGroups\": [{\"Name\": \"g\", \"Meta\": {}, \"Tasks\": [{\"Name\": \"t\","
                + " \"Driver\": \"d\", \"Config\": {}, \"Env\": {}, \"Meta\": {}, \"Artifacts\": []}]}]}");
        assertThat(job.meta).isNull();
        // Nomad copies an empty constraint list as an empty list.
        assertThat(job.constraints).isEmpty();
        assertThat(Jobs.group(job).meta).isNull();
        assertThat(Jobs.task(job).config).isNull();
        assertThat(Jobs.task(job).env).isNull();
        assertThat(Jobs.task(job).meta).isNull();
        assertThat(Jobs.task(job).artifacts).isNull();
    }

    @Test
    void servicesAndChecksAreNamedAndInterpolated() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Name\": \"shop\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"web\","
                + " \"Services\": [{\"PortLabel\": \"http\"}],"
                + " \"Tasks\": [{\"Name\": \"srv\", \"Driver\": \"d\", \"Services\": [{\"Name\": \"${BASE}-api\","
                + " \"CheckRestart\": {\"Limit\": 3}, \"Checks\": [{\"Type\": \"tcp\", \"CheckRestart\": {\"IgnoreWarnings\": true}},"
                + " {\"Name\": \"named\", \"Type\": \"tcp\"}]}, {}]}]}]}");
        TaskGroup tg = Jobs.group(job);
        assertThat(tg.services.get(0).name).isEqualTo("shop-web");
        assertThat(tg.services.get(0).addressMode).isEqualTo("auto");
        Task t = Jobs.task(job);
        Service api = t.services.get(0);
        assertThat(api.name).isEqualTo("shop-web-srv-api");
        assertThat(api.checks.get(0).name).isEqualTo("service: \"shop-web-srv-api\" check");
        assertThat(api.checks.get(0).checkRestart.limit).isEqualTo(3);
        assertThat(api.checks.get(0).checkRestart.grace).isEqualTo(SECOND);
        assertThat(api.checks.get(0).checkRestart.ignoreWarnings).isTrue();
        assertThat(api.checks.get(1).name).isEqualTo("named");
        assertThat(api.checks.get(1).checkRestart.limit).isEqualTo(3);
        assertThat(api.checkRestart).isNull();
        assertThat(t.services.get(1).name).isEqualTo("shop-web-srv");
    }

    @Test
    void artifactsAndTemplatesGetTheirDefaults() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\", \"Artifacts\": [{\"GetterSource\": \"https://x/y/app.tgz\"},"
                + " {\"GetterSource\": \"https://x/y/app.tgz\", \"GetterMode\": \"file\"}],"
                + " \"Templates\": [{\"EmbeddedTmpl\": \"x\", \"DestPath\": \"local/a\", \"ChangeMode\": \"signal\"},"
                + " {\"EmbeddedTmpl\": \"x\", \"DestPath\": \"local/b\", \"ChangeSignal\": \"sigusr1\"}]}]}]}");
        Task t = Jobs.task(job);
        assertThat(t.artifacts.get(0).getterMode).isEqualTo("any");
        assertThat(t.artifacts.get(0).relativeDest).isEqualTo("local/");
        assertThat(t.artifacts.get(1).relativeDest).isEqualTo("local/app.tgz");
        Template a = t.templates.get(0);
        assertThat(a.changeSignal).isEqualTo("SIGHUP");
        assertThat(a.splay).isEqualTo(5 * SECOND);
        assertThat(a.perms).isEqualTo("0644");
        assertThat(a.leftDelim).isEqualTo("{{");
        assertThat(a.rightDelim).isEqualTo("}}");
        assertThat(a.sourcePath).isEmpty();
        assertThat(t.templates.get(1).changeMode).isEqualTo("restart");
        assertThat(t.templates.get(1).changeSignal).isEqualTo("SIGUSR1");
        // A signal change mode needs nodes that can send the signal.
        assertThat(Jobs.group(job).constraints).singleElement()
                .satisfies(c -> assertThat(List.of(c.lTarget, c.operand, c.rTarget))
                        .containsExactly("${attr.os.signals}", "set_contains", "SIGHUP"));
    }

    @Test
    void vaultAndKillSignalsImplyConstraints() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\", \"KillSignal\": \"SIGTERM\","
                + " \"Vault\": {\"Policies\": [\"p\"], \"ChangeMode\": \"signal\", \"ChangeSignal\": \"sigint\"}}]}]}");
        Task t = Jobs.task(job);
        assertThat(t.vault.env).isTrue();
        assertThat(t.vault.changeSignal).isEqualTo("SIGINT");
        assertThat(Jobs.group(job).constraints).extracting(c -> c.lTarget + " " + c.operand + " " + c.rTarget)
                .containsExactly("${attr.vault.version} semver >= 0.6.1", "${attr.os.signals} set_contains SIGINT,SIGTERM");
    }

    @Test
    void anExistingVaultConstraintIsNotDuplicated() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Constraints\": [{\"LTarget\": \"${attr.vault.version}\", \"Operand\": \"semver\", \"RTarget\": \">= 1.0\"}],"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\", \"Vault\": {\"Policies\": [\"p\"]}}]}]}");
        assertThat(Jobs.group(job).constraints).hasSize(1);
    }

    @Test
    void scalingPolicyTargetsItsGroup() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Namespace\": \"ns\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Scaling\": {\"Min\": 2, \"Max\": 5, \"Policy\": {\"cooldown\": \"1m\"}, \"ID\": \"ignored\", \"Namespace\": \"x\"},"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        TaskGroup tg = Jobs.group(job);
        assertThat(tg.count).isEqualTo(2);
        assertThat(tg.scaling.id).isEmpty();
        assertThat(tg.scaling.enabled).isTrue();
        assertThat(tg.scaling.target).isEqualTo(Map.of("Namespace", "ns", "Job", "j", "Group", "g"));
        assertThat(tg.scaling.policy).containsEntry("cooldown", "1m");
        assertThat(tg.scaling.createIndex).isZero();
    }

    @Test
    void connectServicesGetAnEnvoySidecarAndAPort() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Networks\": [{\"Mode\": \"bridge\"}],"
                + " \"Services\": [{\"Name\": \"api\", \"PortLabel\": \"9090\", \"Connect\": {\"SidecarService\": {\"Tags\": []},"
                + " \"SidecarTask\": {\"Resources\": {\"CPU\": 500}}}}],"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        TaskGroup tg = Jobs.group(job);
        assertThat(tg.tasks).extracting(t -> t.name).containsExactly("t", "connect-proxy-api");
        Task proxy = tg.tasks.get(1);
        assertThat(proxy.kind).isEqualTo("connect-proxy:api");
        assertThat(proxy.driver).isEqualTo("docker");
        assertThat(proxy.resources.cpu).isEqualTo(500);
        // The sidecar task block's resources are canonicalized first, so its default 300 MB replaces the proxy's 128.
        assertThat(proxy.resources.memoryMb).isEqualTo(300);
        assertThat(proxy.lifecycle.hook).isEqualTo("prestart");
        assertThat(proxy.restartPolicy.attempts).isEqualTo(2);
        assertThat(proxy.killTimeout).isEqualTo(5 * SECOND);
        // The sidecar task block's canonical ShutdownDelay of 0 replaces the proxy's 5s, as in Nomad.
        assertThat(proxy.shutdownDelay).isZero();
        assertThat(tg.networks.get(0).dynamicPorts).singleElement()
                .satisfies(p -> assertThat(List.of(p.label, p.value, p.to)).containsExactly("connect-proxy-api", 0, -1));
        assertThat(tg.services.get(0).connect.sidecarService.tags).isNull();
        assertThat(JobValidator.validate(job)).isEmpty();
    }

    @Test
    void anExposedCheckWithoutAServicePortIsRefusedAsNomadRefusesIt() {
        Job job = Jobs.decode("{\"ID\": \"j\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Networks\": [{\"Mode\": \"bridge\"}],"
                + " \"Services\": [{\"Name\": \"api\", \"PortLabel\": \"web\", \"Connect\": {\"SidecarService\": {}},"
                + " \"Checks\": [{\"Name\": \"h\", \"Type\": \"http\", \"Path\": \"/health\", \"Expose\": true}]}],"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        assertThatThrownBy(() -> JobCanonicalizer.canonicalize(job))
                .isInstanceOf(InvalidJobException.class)
                .hasMessage("error in job mutator expose-check: unable to determine local service port for service check g->api->h");
    }

    @Test
    void anExposedCheckGetsAPathOnTheProxy() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Datacenters\": [\"dc1\"], \"TaskGroups\": [{\"Name\": \"g\","
                + " \"Networks\": [{\"Mode\": \"bridge\", \"ReservedPorts\": [{\"Label\": \"web\", \"Value\": 8080}]}],"
                + " \"Services\": [{\"Name\": \"api\", \"PortLabel\": \"web\", \"Connect\": {\"SidecarService\": {}},"
                + " \"Checks\": [{\"Name\": \"h\", \"Type\": \"http\", \"Path\": \"/health\", \"Expose\": true,"
                + " \"Interval\": 1000000000, \"Timeout\": 1000000000}]}],"
                + " \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\"}]}]}");
        TaskGroup tg = Jobs.group(job);
        ConsulExposePath path = tg.services.get(0).connect.sidecarService.proxy.expose.paths.get(0);
        assertThat(path.path).isEqualTo("/health");
        assertThat(path.localPathPort).isEqualTo(8080);
        assertThat(path.listenerPort).startsWith("svc_api_ck_");
        assertThat(tg.services.get(0).checks.get(0).portLabel).isEqualTo(path.listenerPort);
        assertThat(JobValidator.validate(job)).isEmpty();
    }

    @Test
    void regionDefaultsToTheAgentsRegion() {
        Job none = Jobs.batch();
        none.region = null;
        JobCanonicalizer.canonicalize(none, "eu");
        assertThat(none.region).isEqualTo("eu");
        Job global = Jobs.batch();
        global.region = "global";
        JobCanonicalizer.canonicalize(global, "eu");
        assertThat(global.region).isEqualTo("eu");
        Job us = Jobs.batch();
        us.region = "us";
        JobCanonicalizer.canonicalize(us, "eu");
        assertThat(us.region).isEqualTo("us");
    }

    @Test
    void canonicalizingTwiceChangesNothing() {
        for (Job job : new Job[] {Jobs.batch(), Jobs.service()}) {
            JobCanonicalizer.canonicalize(job);
            Job again = job.copy();
            JobCanonicalizer.canonicalize(again);
            assertThat(JobSpecs.specChanged(job, again)).isFalse();
            JobCanonicalizer.canonicalizeForRegister(again);
            assertThat(JobSpecs.specChanged(job, again)).isFalse();
        }
    }

    @Test
    void jobsBuiltWithImmutableCollectionsCanBeCanonicalized() {
        Job job = new Job();
        job.id = "j";
        job.datacenters = List.of("dc1");
        TaskGroup tg = new TaskGroup();
        tg.name = "g";
        Task t = new Task();
        t.name = "t";
        t.driver = "d";
        tg.tasks = List.of(t);
        job.taskGroups = List.of(tg);
        JobCanonicalizer.canonicalize(job);
        assertThat(JobValidator.validate(job)).isEmpty();
    }

    @Test
    void mapsAreWrittenInTheOrderTheyWereSubmitted() {
        Job job = Jobs.canonical("{\"ID\": \"j\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"], \"Meta\": {\"z\": \"1\", \"a\": \"2\"},"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"d\","
                + " \"Config\": {\"z\": {\"y\": 1, \"b\": 2}, \"a\": true}}]}]}");
        String json = new String(NomadJson.write(job));
        assertThat(json).contains("\"Config\":{\"z\":{\"y\":1,\"b\":2},\"a\":true}").contains("\"Meta\":{\"z\":\"1\",\"a\":\"2\"}");
    }

    private static List<Object> restart(RestartPolicy r) {
        return List.of(r.attempts, r.interval, r.delay, r.mode);
    }

    private static List<Object> reschedule(ReschedulePolicy r) {
        return List.of(r.attempts, r.interval, r.delay, r.delayFunction, r.maxDelay, r.unlimited);
    }
}
