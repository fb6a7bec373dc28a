package io.drover.model.diff;

import static io.drover.model.diff.DiffType.ADDED;
import static io.drover.model.diff.DiffType.DELETED;
import static io.drover.model.diff.DiffType.EDITED;
import static io.drover.model.diff.DiffType.NONE;
import static io.drover.model.diff.Expected.added;
import static io.drover.model.diff.Expected.deleted;
import static io.drover.model.diff.Expected.edited;
import static io.drover.model.diff.Expected.list;
import static io.drover.model.diff.Expected.object;
import static io.drover.model.diff.Expected.same;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Affinity;
import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.ParameterizedJobConfig;
import io.drover.model.PeriodicConfig;
import io.drover.model.Spread;
import io.drover.model.TaskGroup;
import io.drover.model.json.NomadJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nomad's TestJobDiff cases (nomad/structs/diff_test.go, v0.11.3), on the Java model. */
class JobDiffsTest {

    @Test
    void noJobsIsAnEmptyNoneDiff() throws Exception {
        JobDiff diff = JobDiffs.diff(null, null, false);

        assertThat(diff).isEqualTo(new JobDiff(NONE, "", null, null, null));
        assertThat(NomadJson.mapper().writeValueAsString(diff))
                .isEqualTo("{\"Type\":\"None\",\"ID\":\"\",\"Fields\":null,\"Objects\":null,\"TaskGroups\":null}");
    }

    @Test
    void jobsWithDifferentIdsAreRefused() {
        assertThatThrownBy(() -> JobDiffs.diff(job("foo"), job("bar"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can not diff jobs with different IDs: \"foo\" and \"bar\"");
    }

    @Test
    void samePrimitivesAreNone() {
        assertThat(JobDiffs.diff(primitives(), primitives(), false)).isEqualTo(new JobDiff(NONE, "foo", null, null, null));
    }

    @Test
    void editedPrimitivesAreListedByName() {
        Job updated = job("foo");
        updated.region = "bar";
        updated.name = "bar";
        updated.type = "system";
        updated.priority = 100;
        updated.allAtOnce = false;
        updated.meta = Map.of("foo", "baz");

        assertThat(JobDiffs.diff(primitives(), updated, false)).isEqualTo(new JobDiff(EDITED, "foo", list(
                edited("AllAtOnce", "true", "false"),
                edited("Meta[foo]", "bar", "baz"),
                edited("Name", "foo", "bar"),
                edited("Priority", "10", "100"),
                edited("Region", "foo", "bar"),
                edited("Type", "batch", "system")), null, null));
    }

    @Test
    void deletedJobListsEveryNonEmptyValueAsDeleted() {
        assertThat(JobDiffs.diff(primitives(), null, false)).isEqualTo(new JobDiff(DELETED, "foo", list(
                deleted("AllAtOnce", "true"),
                deleted("Dispatched", "false"),
                deleted("Meta[foo]", "bar"),
                deleted("Name", "foo"),
                deleted("Priority", "10"),
                deleted("Region", "foo"),
                deleted("Stop", "false"),
                deleted("Type", "batch")), null, null));
    }

    @Test
    void addedJobListsEveryNonEmptyValueAsAdded() {
        assertThat(JobDiffs.diff(null, primitives(), false)).isEqualTo(new JobDiff(ADDED, "foo", list(
                added("AllAtOnce", "true"),
                added("Dispatched", "false"),
                added("Meta[foo]", "bar"),
                added("Name", "foo"),
                added("Priority", "10"),
                added("Region", "foo"),
                added("Stop", "false"),
                added("Type", "batch")), null, null));
    }

    @Test
    void metaKeysAreFieldsOfTheirOwn() {
        Job old = job(null);
        old.meta = Map.of("foo", "foo", "bar", "bar");
        Job updated = job(null);
        updated.meta = Map.of("bar", "bar", "baz", "baz");

        assertThat(JobDiffs.diff(old, updated, false)).isEqualTo(new JobDiff(EDITED, "", list(
                added("Meta[baz]", "baz"),
                deleted("Meta[foo]", "foo")), null, null));
    }

    @Test
    void datacentersAreASetOfStrings() {
        assertThat(datacenters(list("foo", "bar"), list("baz", "bar"), false).objects).containsExactly(
                object(EDITED, "Datacenters", list(added("Datacenters", "baz"), deleted("Datacenters", "foo"))));
        assertThat(datacenters(list("foo", "bar"), list("foo", "bar", "baz"), false).objects).containsExactly(
                object(ADDED, "Datacenters", list(added("Datacenters", "baz"))));
        assertThat(datacenters(list("foo", "bar"), list("foo"), false).objects).containsExactly(
                object(DELETED, "Datacenters", list(deleted("Datacenters", "bar"))));
    }

    @Test
    void unchangedDatacentersAreNotListedEvenInContext() {
        assertThat(datacenters(list("foo", "bar"), list("bar", "foo"), true))
                .isEqualTo(new JobDiff(NONE, "", null, null, null));
    }

    @Test
    void contextualDatacentersListTheUnchangedOnes() {
        assertThat(datacenters(list("foo", "bar"), list("foo", "bar", "baz"), true).objects).containsExactly(
                object(ADDED, "Datacenters", list(
                        added("Datacenters", "baz"),
                        same("Datacenters", "bar"),
                        same("Datacenters", "foo"))));
    }

    @Test
    void periodicAddedAndDeleted() {
        Job without = job(null);
        Job with = job(null);
        with.periodic = periodic(false, "*/15 * * * * *", "foo", false, "Europe/Minsk");

        assertThat(JobDiffs.diff(without, with, false).objects).containsExactly(object(ADDED, "Periodic", list(
                added("Enabled", "false"),
                added("ProhibitOverlap", "false"),
                added("Spec", "*/15 * * * * *"),
                added("SpecType", "foo"),
                added("TimeZone", "Europe/Minsk"))));
        assertThat(JobDiffs.diff(with, without, false).objects).containsExactly(object(DELETED, "Periodic", list(
                deleted("Enabled", "false"),
                deleted("ProhibitOverlap", "false"),
                deleted("Spec", "*/15 * * * * *"),
                deleted("SpecType", "foo"),
                deleted("TimeZone", "Europe/Minsk"))));
    }

    @Test
    void periodicEditedWithContextListsUnchangedFields() {
        Job old = job(null);
        old.periodic = periodic(false, "*/15 * * * * *", "foo", false, "Europe/Minsk");
        Job updated = job(null);
        updated.periodic = periodic(true, "* * * * * *", "foo", false, "Europe/Minsk");

        JobDiff diff = JobDiffs.diff(old, updated, true);

        assertThat(diff.type).isEqualTo(EDITED);
        assertThat(diff.objects).containsExactly(object(EDITED, "Periodic", list(
                edited("Enabled", "false", "true"),
                same("ProhibitOverlap", "false"),
                edited("Spec", "*/15 * * * * *", "* * * * * *"),
                same("SpecType", "foo"),
                same("TimeZone", "Europe/Minsk"))));
    }

    @Test
    void aChangedConstraintIsOneAddedAndOneDeleted() {
        Job old = job(null);
        old.constraints = list(new Constraint("foo", "foo", "foo"), new Constraint("bar", "bar", "bar"));
        Job updated = job(null);
        updated.constraints = list(new Constraint("foo", "foo", "foo"), new Constraint("baz", "baz", "baz"));

        assertThat(JobDiffs.diff(old, updated, false).objects).containsExactly(
                object(ADDED, "Constraint", list(added("LTarget", "baz"), added("Operand", "baz"),
                        added("RTarget", "baz"))),
                object(DELETED, "Constraint", list(deleted("LTarget", "bar"), deleted("Operand", "bar"),
                        deleted("RTarget", "bar"))));
    }

    @Test
    void aChangedAffinityIsOneAddedAndOneDeleted() {
        Job old = job(null);
        old.affinities = list(affinity("foo", 20), affinity("bar", 20));
        Job updated = job(null);
        updated.affinities = list(affinity("foo", 20), affinity("baz", 20));

        assertThat(JobDiffs.diff(old, updated, false).objects).containsExactly(
                object(ADDED, "Affinity", list(added("LTarget", "baz"), added("Operand", "baz"),
                        added("RTarget", "baz"), added("Weight", "20"))),
                object(DELETED, "Affinity", list(deleted("LTarget", "bar"), deleted("Operand", "bar"),
                        deleted("RTarget", "bar"), deleted("Weight", "20"))));
    }

    @Test
    void taskGroupsAreMatchedByNameAndSorted() {
        Job old = job(null);
        old.taskGroups = list(group("foo", 1), group("bar", 1), group("baz", 1));
        Job updated = job(null);
        updated.taskGroups = list(group("bar", 1), group("baz", 2), group("bam", 1));

        assertThat(JobDiffs.diff(old, updated, false)).isEqualTo(new JobDiff(EDITED, "", null, null, list(
                new TaskGroupDiff(ADDED, "bam", list(added("Count", "1")), null, null),
                new TaskGroupDiff(NONE, "bar", null, null, null),
                new TaskGroupDiff(EDITED, "baz", list(edited("Count", "1", "2")), null, null),
                new TaskGroupDiff(DELETED, "foo", list(deleted("Count", "1")), null, null))));
    }

    @Test
    void parameterizedJobAdded() {
        Job updated = job(null);
        updated.parameterizedJob = parameterized("required", list("foo"), list("bar"));

        assertThat(JobDiffs.diff(job(null), updated, false).objects).containsExactly(
                object(ADDED, "ParameterizedJob", list(added("Payload", "required")),
                        object(ADDED, "MetaOptional", list(added("MetaOptional", "foo"))),
                        object(ADDED, "MetaRequired", list(added("MetaRequired", "bar")))));
    }

    @Test
    void parameterizedJobEditedWithContextListsUnchangedMeta() {
        Job old = job(null);
        old.parameterizedJob = parameterized("required", list("foo"), list("bar"));
        Job updated = job(null);
        updated.parameterizedJob = parameterized("optional", list("foo"), list("bar"));

        assertThat(JobDiffs.diff(old, updated, true).objects).containsExactly(
                object(EDITED, "ParameterizedJob", list(edited("Payload", "required", "optional")),
                        object(NONE, "MetaOptional", list(same("MetaOptional", "foo"))),
                        object(NONE, "MetaRequired", list(same("MetaRequired", "bar")))));
    }

    @Test
    void fieldsTheServersSetAreNotShown() {
        Job old = primitives();
        old.status = "pending";
        old.version = 0L;
        old.stable = false;
        old.submitTime = 1L;
        old.createIndex = 10L;
        old.modifyIndex = 10L;
        old.jobModifyIndex = 10L;
        Job updated = primitives();
        updated.status = "running";
        updated.statusDescription = "x";
        updated.version = 3L;
        updated.stable = true;
        updated.submitTime = 2L;
        updated.createIndex = 10L;
        updated.modifyIndex = 48L;
        updated.jobModifyIndex = 48L;

        assertThat(JobDiffs.diff(old, updated, true)).isEqualTo(new JobDiff(NONE, "foo", null, null, null));
    }

    @Test
    void stopIsShown() {
        Job updated = primitives();
        updated.stop = true;

        assertThat(JobDiffs.diff(primitives(), updated, true).fields).containsExactly(edited("Stop", "false", "true"));
    }

    /** Nomad's job diff has no Spreads: a job whose only change is its spreads diffs as None. */
    @Test
    void jobSpreadsAreNotShown() {
        Job updated = primitives();
        Spread spread = new Spread();
        spread.attribute = "${node.datacenter}";
        spread.weight = 50;
        updated.spreads = List.of(spread);

        assertThat(JobDiffs.diff(primitives(), updated, true).type).isEqualTo(NONE);
    }

    private static Job job(String id) {
        Job j = new Job();
        j.id = id;
        return j;
    }

    private static Job primitives() {
        Job j = job("foo");
        j.region = "foo";
        j.name = "foo";
        j.type = "batch";
        j.priority = 10;
        j.allAtOnce = true;
        j.meta = new HashMap<>(Map.of("foo", "bar"));
        return j;
    }

    private static JobDiff datacenters(List<String> old, List<String> updated, boolean contextual) {
        Job o = job(null);
        o.datacenters = old;
        Job n = job(null);
        n.datacenters = updated;
        return JobDiffs.diff(o, n, contextual);
    }

    private static PeriodicConfig periodic(boolean enabled, String spec, String specType, boolean prohibitOverlap,
            String timeZone) {
        PeriodicConfig p = new PeriodicConfig();
        p.enabled = enabled;
        p.spec = spec;
        p.specType = specType;
        p.prohibitOverlap = prohibitOverlap;
        p.timeZone = timeZone;
        return p;
    }

    private static Affinity affinity(String all, int weight) {
        Affinity a = new Affinity();
        a.lTarget = all;
        a.rTarget = all;
        a.operand = all;
        a.weight = weight;
        return a;
    }

    private static TaskGroup group(String name, int count) {
        TaskGroup g = new TaskGroup();
        g.name = name;
        g.count = count;
        return g;
    }

    private static ParameterizedJobConfig parameterized(String payload, List<String> optional, List<String> required) {
        ParameterizedJobConfig p = new ParameterizedJobConfig();
        p.payload = payload;
        p.metaOptional = optional;
        p.metaRequired = required;
        return p;
    }
}
