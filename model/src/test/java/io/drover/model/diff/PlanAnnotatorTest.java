package io.drover.model.diff;

import static io.drover.model.diff.DiffType.ADDED;
import static io.drover.model.diff.DiffType.DELETED;
import static io.drover.model.diff.DiffType.EDITED;
import static io.drover.model.diff.DiffType.NONE;
import static io.drover.model.diff.Expected.added;
import static io.drover.model.diff.Expected.edited;
import static io.drover.model.diff.Expected.list;
import static io.drover.model.diff.Expected.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.DesiredUpdates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Nomad's scheduler/annotate_test.go cases (v0.11.3). */
class PlanAnnotatorTest {

    @Test
    void everyNonZeroDesiredUpdateIsCounted() throws Exception {
        DesiredUpdates desired = DesiredUpdates.none().withIgnore(1).withPlace(2).withMigrate(3).withStop(4).withInPlaceUpdate(5).withDestructiveUpdate(6).withCanary(7).withPreemptions(8);

        TaskGroupDiff group = annotateGroup(new TaskGroupDiff(EDITED, "foo", null, null, null), desired);

        assertThat(group.updates).isEqualTo(Map.of(
                "canary", 7L, "create", 2L, "create/destroy update", 6L, "destroy", 4L, "ignore", 1L,
                "in-place update", 5L, "migrate", 3L));
        assertThat(NomadJson.mapper().writeValueAsString(group.updates)).isEqualTo("{\"canary\":7,\"create\":2,"
                + "\"create/destroy update\":6,\"destroy\":4,\"ignore\":1,\"in-place update\":5,\"migrate\":3}");
    }

    @Test
    void groupTheSchedulerDidNothingToGetsEmptyUpdates() throws Exception {
        TaskGroupDiff group = annotateGroup(new TaskGroupDiff(NONE, "foo", null, null, null), DesiredUpdates.none());

        assertThat(NomadJson.mapper().writeValueAsString(group)).isEqualTo("{\"Type\":\"None\",\"Name\":\"foo\","
                + "\"Fields\":null,\"Objects\":null,\"Tasks\":null,\"Updates\":{}}");
    }

    @Test
    void groupTheSchedulerDidNotReportKeepsNullUpdates() {
        JobDiff diff = new JobDiff(EDITED, "j", null, null, list(new TaskGroupDiff(NONE, "other", null, null, null)));

        assertThat(PlanAnnotator.annotate(diff, Map.of("foo", DesiredUpdates.none().withPlace(1)))
                .taskGroups.get(0).updates).isNull();
        assertThat(PlanAnnotator.annotate(diff, null).taskGroups.get(0).updates).isNull();
    }

    @Test
    void countChangeForcesCreateOrDestroy() {
        assertThat(annotateGroup(groupWithCount("1", "3"), null).fields)
                .containsExactly(edited("Count", "1", "3").withAnnotation(PlanAnnotator.FORCES_CREATE));
        assertThat(annotateGroup(groupWithCount("3", "1"), null).fields)
                .containsExactly(edited("Count", "3", "1").withAnnotation(PlanAnnotator.FORCES_DESTROY));
        assertThat(annotateGroup(new TaskGroupDiff(ADDED, "g", list(added("Count", "2")), null, null), null).fields)
                .containsExactly(added("Count", "2").withAnnotation(PlanAnnotator.FORCES_CREATE));
    }

    @Test
    void unchangedTaskIsNotAnnotated() {
        TaskDiff task = new TaskDiff(NONE, "t", null, null);

        assertThat(annotateTask(task, NONE)).isEqualTo(task);
    }

    static List<Arguments> taskChanges() {
        return List.of(
                Arguments.of(taskWithField(EDITED, edited("Driver", "docker", "exec")), EDITED,
                        PlanAnnotator.FORCES_DESTRUCTIVE_UPDATE),
                Arguments.of(taskWithField(EDITED, edited("User", "alice", "bob")), EDITED,
                        PlanAnnotator.FORCES_DESTRUCTIVE_UPDATE),
                Arguments.of(taskWithField(EDITED, added("Env[foo]", "bar")), EDITED,
                        PlanAnnotator.FORCES_DESTRUCTIVE_UPDATE),
                Arguments.of(taskWithField(EDITED, added("Meta[foo]", "bar")), EDITED,
                        PlanAnnotator.FORCES_DESTRUCTIVE_UPDATE),
                Arguments.of(taskWithObject(object(ADDED, "Artifact", list(added("GetterSource", "bam")))), EDITED,
                        PlanAnnotator.FORCES_DESTRUCTIVE_UPDATE),
                Arguments.of(taskWithObject(object(EDITED, "Resources", list(edited("CPU", "100", "200")))), EDITED,
                        PlanAnnotator.FORCES_DESTRUCTIVE_UPDATE),
                Arguments.of(taskWithObject(object(EDITED, "Config", list(edited("bam[1]", "b", "c")))), EDITED,
                        PlanAnnotator.FORCES_DESTRUCTIVE_UPDATE),
                Arguments.of(taskWithObject(object(ADDED, "Constraint", list(added("LTarget", "baz")))), EDITED,
                        PlanAnnotator.FORCES_IN_PLACE_UPDATE),
                Arguments.of(taskWithObject(object(ADDED, "LogConfig", list(added("MaxFiles", "1")))), EDITED,
                        PlanAnnotator.FORCES_IN_PLACE_UPDATE),
                Arguments.of(taskWithObject(object(EDITED, "Service", list(edited("PortLabel", "baz", "baz2")))),
                        EDITED, PlanAnnotator.FORCES_IN_PLACE_UPDATE),
                Arguments.of(taskWithField(EDITED, edited("KillTimeout", "200", "2000000")), EDITED,
                        PlanAnnotator.FORCES_IN_PLACE_UPDATE),
                Arguments.of(taskWithField(DELETED, added("Driver", "exec")), ADDED, PlanAnnotator.FORCES_DESTROY),
                Arguments.of(taskWithField(ADDED, added("Driver", "exec")), ADDED, PlanAnnotator.FORCES_CREATE),
                Arguments.of(taskWithField(DELETED, added("Driver", "exec")), EDITED,
                        PlanAnnotator.FORCES_DESTRUCTIVE_UPDATE),
                Arguments.of(taskWithField(ADDED, added("Driver", "exec")), EDITED,
                        PlanAnnotator.FORCES_DESTRUCTIVE_UPDATE));
    }

    @ParameterizedTest
    @MethodSource("taskChanges")
    void taskChangeIsAnnotatedWithWhatItForces(TaskDiff task, DiffType groupType, String expected) {
        assertThat(annotateTask(task, groupType).annotations).containsExactly(expected);
    }

    private static TaskGroupDiff annotateGroup(TaskGroupDiff group, DesiredUpdates desired) {
        JobDiff diff = new JobDiff(EDITED, "j", null, null, list(group));
        Map<String, DesiredUpdates> desiredByGroup = desired == null ? null : Map.of(group.name, desired);
        return PlanAnnotator.annotate(diff, desiredByGroup).taskGroups.get(0);
    }

    private static TaskDiff annotateTask(TaskDiff task, DiffType groupType) {
        return annotateGroup(new TaskGroupDiff(groupType, "g", null, null, list(task)), null).tasks.get(0);
    }

    private static TaskGroupDiff groupWithCount(String old, String updated) {
        return new TaskGroupDiff(EDITED, "g", list(edited("Count", old, updated)), null, null);
    }

    private static TaskDiff taskWithField(DiffType type, FieldDiff field) {
        return new TaskDiff(type, "t", list(field), null);
    }

    private static TaskDiff taskWithObject(ObjectDiff object) {
        return new TaskDiff(EDITED, "t", null, list(object));
    }
}
