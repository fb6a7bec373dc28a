package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.Job;
import io.drover.model.NetworkResource;
import io.drover.model.Networks;
import io.drover.model.ReschedulePolicy;
import io.drover.model.Resources;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.json.GoOmitEmpty;
import io.drover.model.json.GoStrconv;
import io.drover.model.json.GoTime;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import io.drover.model.json.ModelCopy;
import io.drover.model.json.ModelMerge;
import io.drover.model.json.NomadJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The placement of one instance of a task group on a node (Nomad's {@code structs.Allocation}),
 * fields in Nomad's JSON order. A new instance is Go's zero value: value fields start at "", 0 or
 * false, pointer, slice and map fields at null. Nomad encodes it with {@code omitempty}, so empty
 * fields, and a {@link DesiredTransition} with no flag set, are left out of its JSON.
 *
 * <p>{@link #job} is the job version the allocation runs; the state store and plans may leave it
 * out (Nomad "normalizes" it away) and put it back on reads. {@link #resources},
 * {@link #sharedResources} and {@link #taskResources} are the pre-0.9 shapes, read only when
 * {@link #allocatedResources} is missing, and written as Nomad 0.11 still writes them
 * ({@link LegacyResources}) for the clients that read them. The helpers that depend on time take it as a
 * parameter; none reads a clock.
 */
@JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = GoOmitEmpty.class)
public final class Allocation {
    public static final String DESIRED_RUN = "run";
    public static final String DESIRED_STOP = "stop";
    public static final String DESIRED_EVICT = "evict";

    public static final String CLIENT_PENDING = "pending";
    public static final String CLIENT_RUNNING = "running";
    public static final String CLIENT_COMPLETE = "complete";
    public static final String CLIENT_FAILED = "failed";
    public static final String CLIENT_LOST = "lost";

    /** Nomad's DefaultKillTimeout, used when a task has none. */
    public static final long DEFAULT_KILL_TIMEOUT = Duration.ofSeconds(5).toNanos();

    @JsonProperty("ID") public String id = "";
    @JsonProperty("Namespace") public String namespace = "";
    @JsonProperty("EvalID") public String evalId = "";
    @JsonProperty("Name") public String name = "";
    @JsonProperty("NodeID") public String nodeId = "";
    @JsonProperty("NodeName") public String nodeName = "";
    @JsonProperty("JobID") public String jobId = "";
    @JsonProperty("Job") public Job job;
    @JsonProperty("TaskGroup") public String taskGroup = "";
    @JsonProperty("Resources") public Resources resources;
    @JsonProperty("SharedResources") public Resources sharedResources;
    @JsonProperty("TaskResources") public Map<String, Resources> taskResources;
    @JsonProperty("AllocatedResources") public AllocatedResources allocatedResources;
    @JsonProperty("Metrics") public AllocMetric metrics;
    @JsonProperty("DesiredStatus") public String desiredStatus = "";
    @JsonProperty("DesiredDescription") public String desiredDescription = "";
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DesiredTransition.OmitZero.class)
    @JsonProperty("DesiredTransition") public DesiredTransition desiredTransition = new DesiredTransition();
    @JsonProperty("ClientStatus") public String clientStatus = "";
    @JsonProperty("ClientDescription") public String clientDescription = "";
    @JsonProperty("TaskStates") public Map<String, TaskState> taskStates;
    @JsonProperty("AllocStates") public List<AllocState> allocStates;
    @JsonProperty("PreviousAllocation") public String previousAllocation = "";
    @JsonProperty("NextAllocation") public String nextAllocation = "";
    @JsonProperty("DeploymentID") public String deploymentId = "";
    @JsonProperty("DeploymentStatus") public AllocDeploymentStatus deploymentStatus;
    @JsonProperty("RescheduleTracker") public RescheduleTracker rescheduleTracker;
    @JsonProperty("FollowupEvalID") public String followupEvalId = "";
    @JsonProperty("PreemptedAllocations") public List<String> preemptedAllocations;
    @JsonProperty("PreemptedByAllocation") public String preemptedByAllocation = "";
    @GoType("uint64") @JsonProperty("CreateIndex") public Long createIndex = 0L;
    @GoType("uint64") @JsonProperty("ModifyIndex") public Long modifyIndex = 0L;
    /** Not bumped by client updates, so a client can fetch only what the servers changed. */
    @GoType("uint64") @JsonProperty("AllocModifyIndex") public Long allocModifyIndex = 0L;
    /** Unix nanoseconds. */
    @JsonProperty("CreateTime") public Long createTime = 0L;
    /** Unix nanoseconds. */
    @JsonProperty("ModifyTime") public Long modifyTime = 0L;

    /** A deep copy, job included, through JSON. */
    public Allocation copy() {
        return NomadJson.copy(this, Allocation.class);
    }

    /**
     * A deep copy that shares the (immutable) job instead of copying it. Field by field, not
     * through JSON: the servers copy an allocation on every stop and client update, and this
     * allocation itself is left untouched, so a stored one shared by readers can be copied.
     */
    public Allocation copySkipJob() {
        return ModelCopy.deep(this, "job");
    }

    /** A shallow copy: the same field values, as Go's {@code *a} copy. */
    public Allocation shallowCopy() {
        Allocation c = ModelMerge.copy(this);
        c.desiredTransition = desiredTransition == null ? new DesiredTransition() : desiredTransition.copy();
        return c;
    }

    /** Nomad's Index: the instance number in {@code <job>.<group>[<n>]}, 0 if the name has none. */
    public int index() {
        String n = GoZero.str(name);
        int prefix = GoZero.str(jobId).length() + GoZero.str(taskGroup).length() + 2;
        if (n.length() <= 3 || n.length() <= prefix) {
            return 0;
        }
        Long num = GoStrconv.atoi(n.substring(prefix, n.length() - 1));
        return num == null || num < 0 || num > Integer.MAX_VALUE ? 0 : num.intValue();
    }

    /** Nomad's AllocName: {@code <job>.<group>[<index>]}. */
    public static String allocName(String jobId, String group, int index) {
        return jobId + "." + group + "[" + index + "]";
    }

    /** Nomad's TerminalStatus: the servers want it stopped, or the client finished with it. */
    public boolean terminalStatus() {
        return serverTerminalStatus() || clientTerminalStatus();
    }

    /** Nomad's ServerTerminalStatus: desired status stop or evict. */
    public boolean serverTerminalStatus() {
        return DESIRED_STOP.equals(desiredStatus) || DESIRED_EVICT.equals(desiredStatus);
    }

    /** Nomad's ClientTerminalStatus: client status complete, failed or lost. */
    public boolean clientTerminalStatus() {
        return CLIENT_COMPLETE.equals(clientStatus) || CLIENT_FAILED.equals(clientStatus)
                || CLIENT_LOST.equals(clientStatus);
    }

    /** Nomad's Terminated; the same test as {@link #clientTerminalStatus()}. */
    public boolean terminated() {
        return clientTerminalStatus();
    }

    /** Nomad's RanSuccessfully: the client ran every task and each finished without failing. */
    public boolean ranSuccessfully() {
        if (taskStates == null || taskStates.isEmpty()) {
            return false;
        }
        for (TaskState s : taskStates.values()) {
            if (s == null || !s.successful()) {
                return false;
            }
        }
        return true;
    }

    /** The task group this allocation runs, from its job; null without a job or group. */
    public TaskGroup lookupTaskGroup() {
        return job == null ? null : job.lookupTaskGroup(GoZero.str(taskGroup));
    }

    /** Nomad's LookupTask: the named task of this allocation's group, or null. */
    public Task lookupTask(String taskName) {
        TaskGroup tg = lookupTaskGroup();
        return tg == null ? null : tg.lookupTask(taskName);
    }

    /** Nomad's ReschedulePolicy: the group's policy, or null. */
    public ReschedulePolicy reschedulePolicy() {
        TaskGroup tg = lookupTaskGroup();
        return tg == null ? null : tg.reschedulePolicy;
    }

    /**
     * Nomad's ShouldMigrate: the allocation replaces another on a new node and its group asks
     * for a sticky ephemeral disk with migration, so the old disk's data must follow it.
     */
    public boolean shouldMigrate() {
        if (GoZero.str(previousAllocation).isEmpty() || serverTerminalStatus()) {
            return false;
        }
        TaskGroup tg = lookupTaskGroup();
        if (tg == null || tg.ephemeralDisk == null) {
            return false;
        }
        return GoZero.bool(tg.ephemeralDisk.migrate) && GoZero.bool(tg.ephemeralDisk.sticky);
    }

    /** Nomad's ShouldReschedule: the allocation failed while wanted and {@code policy} allows another attempt at {@code failTime}. */
    public boolean shouldReschedule(ReschedulePolicy policy, Instant failTime) {
        if (serverTerminalStatus()) {
            return false;
        }
        return CLIENT_FAILED.equals(clientStatus) && rescheduleEligible(policy, failTime);
    }

    /**
     * Nomad's RescheduleEligible: whether {@code policy} allows another reschedule at
     * {@code failTime}. Unlimited policies always do; limited ones count the earlier reschedules
     * less than Interval before {@code failTime} against Attempts.
     */
    public boolean rescheduleEligible(ReschedulePolicy policy, Instant failTime) {
        if (policy == null) {
            return false;
        }
        int attempts = GoZero.num(policy.attempts);
        boolean unlimited = GoZero.bool(policy.unlimited);
        if (attempts <= 0 && !unlimited) {
            return false;
        }
        if (unlimited) {
            return true;
        }
        if (rescheduleEvents().isEmpty()) {
            return true;
        }
        return attemptsWithin(GoZero.lng(policy.interval), failTime) < attempts;
    }

    /**
     * Nomad's LastEventTime: when the allocation failed, taken as the latest task finish, or its
     * modify time if no task has finished.
     */
    public Instant lastEventTime() {
        Instant last = null;
        if (taskStates != null) {
            for (TaskState s : taskStates.values()) {
                Instant finished = s == null ? null : GoTime.parse(s.finishedAt);
                if (last == null || (finished != null && finished.isAfter(last))) {
                    last = finished;
                }
            }
        }
        return last != null ? last : GoTime.fromUnixNanos(GoZero.lng(modifyTime));
    }

    /**
     * Nomad's NextDelay: how long after failing the allocation waits before it is replaced. The
     * first reschedule waits Delay; later ones follow DelayFunction from the last event's delay
     * (constant: Delay; exponential: double it; fibonacci: sum of the last two) up to MaxDelay.
     * Once the delay is at MaxDelay, a failure more than MaxDelay after the last reschedule
     * starts the series again at Delay.
     */
    public long nextDelay() {
        ReschedulePolicy policy = reschedulePolicy();
        if (policy == null) {
            return 0;
        }
        long base = GoZero.lng(policy.delay);
        long maxDelay = GoZero.lng(policy.maxDelay);
        List<RescheduleEvent> events = rescheduleEvents();
        if (events.isEmpty()) {
            return base;
        }
        long delay = base;
        RescheduleEvent last = events.get(events.size() - 1);
        switch (GoZero.str(policy.delayFunction)) {
            case "exponential" -> delay = GoZero.lng(last.delay) * 2;
            case "fibonacci" -> {
                if (events.size() >= 2) {
                    long n1 = GoZero.lng(last.delay);
                    long n2 = GoZero.lng(events.get(events.size() - 2).delay);
                    // A series that hit the ceiling and was reset starts over.
                    delay = n2 == maxDelay && n1 == base ? n1 : n1 + n2;
                }
            }
            default -> {
                return delay;
            }
        }
        if (maxDelay > 0 && delay > maxDelay) {
            delay = maxDelay;
            long sinceLast = GoTime.unixNanos(lastEventTime()) - GoZero.lng(last.rescheduleTime);
            if (sinceLast > delay) {
                delay = base;
            }
        }
        return delay;
    }

    /**
     * Nomad's NextRescheduleTime: when a failed allocation may be replaced (its fail time plus
     * {@link #nextDelay()}), and whether the policy still allows it. The time is null when the
     * allocation is not a failed, wanted allocation with a policy.
     */
    public RescheduleTime nextRescheduleTime() {
        Instant failTime = lastEventTime();
        ReschedulePolicy policy = reschedulePolicy();
        if (DESIRED_STOP.equals(desiredStatus) || !CLIENT_FAILED.equals(clientStatus) || policy == null) {
            return new RescheduleTime(null, false);
        }
        long delay = nextDelay();
        Instant next = failTime.plusNanos(delay);
        int attempts = GoZero.num(policy.attempts);
        boolean eligible = GoZero.bool(policy.unlimited) || (attempts > 0 && rescheduleTracker == null);
        if (attempts > 0 && rescheduleTracker != null && rescheduleTracker.events != null) {
            long interval = GoZero.lng(policy.interval);
            eligible = attemptsWithin(interval, failTime) < attempts && delay < interval;
        }
        return new RescheduleTime(next, eligible);
    }

    /** When an allocation may be rescheduled ({@code time}, null if never) and whether it may be at all. */
    public record RescheduleTime(Instant time, boolean eligible) {
    }

    /** Nomad's ShouldClientStop: the group asks to stop allocations on clients that lose contact. */
    public boolean shouldClientStop() {
        TaskGroup tg = lookupTaskGroup();
        return tg != null && tg.stopAfterClientDisconnect != null && tg.stopAfterClientDisconnect != 0;
    }

    /**
     * Nomad's WaitClientStop: when an allocation on a disconnected client may be replaced: the
     * first time it was marked lost ({@code now} if never) plus the group's
     * StopAfterClientDisconnect and the longest kill timeout of its tasks. Call it only when
     * {@link #shouldClientStop()}.
     */
    public Instant waitClientStop(Instant now) {
        TaskGroup tg = lookupTaskGroup();
        Instant lost = null;
        for (AllocState s : GoZero.list(allocStates)) {
            if (GoZero.num(s.field) == AllocState.FIELD_CLIENT_STATUS && CLIENT_LOST.equals(s.value)) {
                lost = GoTime.parse(s.time);
                break;
            }
        }
        if (lost == null) {
            lost = now;
        }
        long kill = DEFAULT_KILL_TIMEOUT;
        for (Task t : GoZero.list(tg.tasks)) {
            if (GoZero.lng(t.killTimeout) > kill) {
                kill = t.killTimeout;
            }
        }
        return lost.plusNanos(GoZero.lng(tg.stopAfterClientDisconnect) + kill);
    }

    /** Nomad's SetStop: marks the allocation stopped with this client status, recording the change at {@code now}. */
    public void setStop(String clientStatus, String clientDescription, Instant now) {
        this.desiredStatus = DESIRED_STOP;
        this.clientStatus = clientStatus;
        this.clientDescription = clientDescription;
        appendState(AllocState.FIELD_CLIENT_STATUS, clientStatus, now);
    }

    /** Nomad's AppendState: records a change of the whole allocation at {@code now}. */
    public void appendState(int field, String value, Instant now) {
        List<AllocState> states = allocStates == null ? new ArrayList<>() : new ArrayList<>(allocStates);
        states.add(new AllocState(field, value, GoTime.format(now)));
        allocStates = states;
    }

    /** Nomad's SetEventDisplayMessages: fills each task event's display message where empty. */
    public void setEventDisplayMessages() {
        AllocListStub.setDisplayMessages(taskStates);
    }

    /**
     * Nomad's ComparableResources: the allocation's footprint from {@link #allocatedResources},
     * or, for pre-0.9 allocations, from {@link #resources} or the sum of {@link #taskResources}
     * and {@link #sharedResources}.
     */
    public ComparableResources comparableResources() {
        if (allocatedResources != null) {
            return allocatedResources.comparable();
        }
        long cpu = 0;
        long memory = 0;
        long disk = 0;
        List<NetworkResource> networks = null;
        if (resources != null) {
            cpu = GoZero.num(resources.cpu);
            memory = GoZero.num(resources.memoryMb);
            disk = GoZero.num(resources.diskMb);
            networks = Networks.copy(resources.networks);
        } else if (taskResources != null) {
            List<Resources> parts = new ArrayList<>();
            if (sharedResources != null) {
                parts.add(sharedResources);
            }
            parts.addAll(taskResources.values());
            for (Resources r : parts) {
                if (r == null) {
                    continue;
                }
                cpu += GoZero.num(r.cpu);
                memory += GoZero.num(r.memoryMb);
                disk += GoZero.num(r.diskMb);
                for (NetworkResource n : GoZero.list(r.networks)) {
                    networks = Networks.addByDevice(networks, n);
                }
            }
        }
        ComparableResources c = new ComparableResources(cpu, memory, disk);
        c.flattened.networks = networks;
        return c;
    }

    /** The row for allocation lists (Nomad's Stub); JobType and JobVersion come from {@link #job}. */
    public AllocListStub stub() {
        AllocListStub s = new AllocListStub();
        s.id = id;
        s.evalId = evalId;
        s.name = name;
        s.namespace = namespace;
        s.nodeId = nodeId;
        s.nodeName = nodeName;
        s.jobId = jobId;
        s.jobType = job == null ? "" : GoZero.str(job.type);
        s.jobVersion = job == null ? 0L : GoZero.lng(job.version);
        s.taskGroup = taskGroup;
        s.desiredStatus = desiredStatus;
        s.desiredDescription = desiredDescription;
        s.clientStatus = clientStatus;
        s.clientDescription = clientDescription;
        s.desiredTransition = desiredTransition == null ? new DesiredTransition() : desiredTransition.copy();
        s.taskStates = taskStates;
        s.deploymentStatus = deploymentStatus;
        s.followupEvalId = followupEvalId;
        s.rescheduleTracker = rescheduleTracker;
        s.preemptedAllocations = preemptedAllocations;
        s.preemptedByAllocation = preemptedByAllocation;
        s.createIndex = createIndex;
        s.modifyIndex = modifyIndex;
        s.createTime = createTime;
        s.modifyTime = modifyTime;
        return s;
    }

    private List<RescheduleEvent> rescheduleEvents() {
        return rescheduleTracker == null ? List.of() : GoZero.list(rescheduleTracker.events);
    }

    /** How many recorded reschedules happened less than {@code interval} before {@code failTime}. */
    private int attemptsWithin(long interval, Instant failTime) {
        long fail = GoTime.unixNanos(failTime);
        int attempted = 0;
        for (RescheduleEvent e : rescheduleEvents()) {
            if (fail - GoZero.lng(e.rescheduleTime) < interval) {
                attempted++;
            }
        }
        return attempted;
    }
}
