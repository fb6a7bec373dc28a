package io.drover.scheduler.select;

import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many of a job's allocations (or one group's) run on nodes with each value of a node
 * property (Nomad's {@code propertySet}), counting existing allocations, the plan's placements,
 * and subtracting the plan's stops. Backs {@code distinct_property} (at most N allocations per
 * value) and spreads (how far each value is from its target).
 */
final class PropertySet {
    private final EvalContext ctx;
    private final String jobId;
    private final String namespace;
    private String taskGroup = "";
    private String targetAttribute = "";
    private long allowedCount;
    /** Set when the set could not be built; every node then fails with it. */
    private String errorBuilding;
    private final Map<String, Long> existingValues = new HashMap<>();
    private Map<String, Long> proposedValues = new HashMap<>();
    private Map<String, Long> clearedValues = new HashMap<>();

    PropertySet(EvalContext ctx, Job job) {
        this.ctx = ctx;
        this.jobId = job.id;
        this.namespace = job.namespace;
    }

    String targetAttribute() {
        return targetAttribute;
    }

    /** A distinct_property constraint of the job (taskGroup null) or of a group. */
    void setConstraint(Constraint constraint, String taskGroup) {
        long allowed = 1;
        String v = constraint.rTarget;
        if (v != null && !v.isEmpty()) {
            Long parsed = parseUint(v);
            if (parsed == null) {
                errorBuilding = "failed to convert RTarget \"" + v + "\" to uint64: strconv.ParseUint: parsing \""
                        + v + "\": invalid syntax";
                return;
            }
            allowed = parsed;
        }
        setTargetAttributeWithCount(constraint.lTarget, allowed, taskGroup);
    }

    /** A spread over {@code attribute} for one group. */
    void setTargetAttribute(String attribute, String taskGroup) {
        setTargetAttributeWithCount(attribute, 0, taskGroup);
    }

    private void setTargetAttributeWithCount(String attribute, long allowed, String taskGroup) {
        if (taskGroup != null && !taskGroup.isEmpty()) {
            this.taskGroup = taskGroup;
        }
        this.targetAttribute = attribute == null ? "" : attribute;
        this.allowedCount = allowed;
        populateExisting();
        populateProposed();
    }

    private static Long parseUint(String v) {
        if (!v.matches("[0-9]+")) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void populateExisting() {
        List<Allocation> allocs = filter(ctx.state().allocationsOfJob(namespace, jobId, false), true);
        populate(allocs, nodeMap(allocs), existingValues);
    }

    /** Recounts what the plan places and stops; called when the plan changed (each selection). */
    void populateProposed() {
        proposedValues = new HashMap<>();
        clearedValues = new HashMap<>();
        List<Allocation> stopping = new ArrayList<>();
        ctx.plan().nodeUpdate.values().forEach(stopping::addAll);
        stopping = filter(stopping, false);
        List<Allocation> proposed = new ArrayList<>();
        ctx.plan().nodeAllocation.values().forEach(proposed::addAll);
        proposed = filter(proposed, true);

        List<Allocation> both = new ArrayList<>(stopping);
        both.addAll(proposed);
        Map<String, Node> nodes = nodeMap(both);
        populate(stopping, nodes, clearedValues);
        populate(proposed, nodes, proposedValues);

        // A value both stopped and placed: the placement reuses what the stop frees. Nomad
        // leaves a single stop in place here; so does Drover.
        for (String value : proposedValues.keySet()) {
            Long current = clearedValues.get(value);
            if (current == null) {
                continue;
            }
            if (current == 0) {
                clearedValues.remove(value);
            } else if (current > 1) {
                clearedValues.put(value, current - 1);
            }
        }
    }

    /** Whether {@code option} may take one more allocation, or why not (Nomad's texts). */
    String distinctPropertyViolation(Node option) {
        Used used = usedCount(option);
        if (used.error != null) {
            return used.error;
        }
        if (Long.compareUnsigned(used.count, allowedCount) < 0) {
            return null;
        }
        return "distinct_property: " + targetAttribute + "=" + used.value + " used by " + used.count + " allocs";
    }

    /** The node's value of the property and how many allocations already use it. */
    record Used(String value, String error, long count) {
    }

    Used usedCount(Node option) {
        if (errorBuilding != null) {
            return new Used("", errorBuilding, 0);
        }
        String value = NodeTargets.property(option, targetAttribute);
        if (value == null) {
            return new Used("", "missing property \"" + targetAttribute + "\"", 0);
        }
        return new Used(value, null, combinedUseMap().getOrDefault(value, 0L));
    }

    /** Existing plus proposed, minus cleared (never below zero), per value. */
    Map<String, Long> combinedUseMap() {
        Map<String, Long> combined = new LinkedHashMap<>();
        existingValues.forEach((v, n) -> combined.merge(v, n, Long::sum));
        proposedValues.forEach((v, n) -> combined.merge(v, n, Long::sum));
        clearedValues.forEach((v, cleared) -> {
            Long have = combined.get(v);
            if (have != null) {
                combined.put(v, have >= cleared ? have - cleared : 0);
            }
        });
        return combined;
    }

    private List<Allocation> filter(List<Allocation> allocs, boolean filterTerminal) {
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : allocs) {
            boolean remove = filterTerminal && a.terminalStatus();
            if (!taskGroup.isEmpty()) {
                remove = remove || !taskGroup.equals(a.taskGroup);
            }
            if (!remove) {
                out.add(a);
            }
        }
        return out;
    }

    private Map<String, Node> nodeMap(List<Allocation> allocs) {
        Map<String, Node> nodes = new HashMap<>();
        for (Allocation a : allocs) {
            if (!nodes.containsKey(a.nodeId)) {
                nodes.put(a.nodeId, ctx.state().node(a.nodeId).orElse(null));
            }
        }
        return nodes;
    }

    private void populate(List<Allocation> allocs, Map<String, Node> nodes, Map<String, Long> into) {
        for (Allocation a : allocs) {
            String value = NodeTargets.property(nodes.get(a.nodeId), targetAttribute);
            if (value != null) {
                into.merge(value, 1L, Long::sum);
            }
        }
    }
}
