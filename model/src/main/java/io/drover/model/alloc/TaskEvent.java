package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoFmt;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event in a task's life on its client (Nomad's {@code structs.TaskEvent}), fields in
 * Nomad's JSON order. {@link #details} carries the event's data; the flat fields after it are
 * Nomad's deprecated copies of the same data, still written. {@link #time} is Unix nanoseconds.
 */
public final class TaskEvent {
    public static final String SETUP_FAILURE = "Setup Failure";
    public static final String DRIVER_FAILURE = "Driver Failure";
    public static final String RECEIVED = "Received";
    public static final String FAILED_VALIDATION = "Failed Validation";
    public static final String STARTED = "Started";
    public static final String TERMINATED = "Terminated";
    public static final String KILLING = "Killing";
    public static final String KILLED = "Killed";
    public static final String RESTARTING = "Restarting";
    public static final String NOT_RESTARTING = "Not Restarting";
    public static final String RESTART_SIGNAL = "Restart Signaled";
    public static final String SIGNALING = "Signaling";
    public static final String DOWNLOADING_ARTIFACTS = "Downloading Artifacts";
    public static final String ARTIFACT_DOWNLOAD_FAILED = "Failed Artifact Download";
    public static final String BUILDING_TASK_DIR = "Building Task Directory";
    public static final String SETUP = "Task Setup";
    public static final String DISK_EXCEEDED = "Disk Resources Exceeded";
    public static final String SIBLING_FAILED = "Sibling Task Failed";
    public static final String DRIVER_MESSAGE = "Driver";
    public static final String LEADER_DEAD = "Leader Task Dead";
    public static final String HOOK_FAILED = "Task hook failed";
    public static final String RESTORE_FAILED = "Failed Restoring Task";
    public static final String PLUGIN_UNHEALTHY = "Plugin became unhealthy";
    public static final String PLUGIN_HEALTHY = "Plugin became healthy";

    /** A restart reason that is not worth showing: the restart policy allowed it. */
    public static final String REASON_WITHIN_POLICY = "Restart within policy";

    @JsonProperty("Type") public String type = "";
    @JsonProperty("Time") public Long time = 0L;
    @JsonProperty("Message") public String message = "";
    @JsonProperty("DisplayMessage") public String displayMessage = "";
    @JsonProperty("Details") public Map<String, String> details;
    @JsonProperty("FailsTask") public Boolean failsTask = false;
    @JsonProperty("RestartReason") public String restartReason = "";
    @JsonProperty("SetupError") public String setupError = "";
    @JsonProperty("DriverError") public String driverError = "";
    @JsonProperty("ExitCode") public Integer exitCode = 0;
    @JsonProperty("Signal") public Integer signal = 0;
    @GoType("time.Duration") @JsonProperty("KillTimeout") public Long killTimeout = 0L;
    @JsonProperty("KillError") public String killError = "";
    @JsonProperty("KillReason") public String killReason = "";
    @JsonProperty("StartDelay") public Long startDelay = 0L;
    @JsonProperty("DownloadError") public String downloadError = "";
    @JsonProperty("ValidationError") public String validationError = "";
    @JsonProperty("DiskLimit") public Long diskLimit = 0L;
    @JsonProperty("FailedSibling") public String failedSibling = "";
    @JsonProperty("VaultError") public String vaultError = "";
    @JsonProperty("TaskSignalReason") public String taskSignalReason = "";
    @JsonProperty("TaskSignal") public String taskSignal = "";
    @JsonProperty("DriverMessage") public String driverMessage = "";
    @JsonProperty("GenericSource") public String genericSource = "";

    public TaskEvent() {
    }

    /** Nomad's NewTaskEvent, at a time given in Unix nanoseconds. */
    public TaskEvent(String type, long unixNanos) {
        this.type = type;
        this.time = unixNanos;
        this.details = new LinkedHashMap<>();
    }

    private TaskEvent detail(String key, String value) {
        if (details == null) {
            details = new LinkedHashMap<>();
        }
        details.put(key, value);
        return this;
    }

    public TaskEvent setMessage(String msg) {
        message = msg;
        return detail("message", msg);
    }

    public TaskEvent setDisplayMessage(String msg) {
        displayMessage = msg;
        return this;
    }

    public TaskEvent setSetupError(String err) {
        setupError = err;
        return detail("setup_error", err);
    }

    public TaskEvent setFailsTask() {
        failsTask = true;
        return detail("fails_task", "true");
    }

    public TaskEvent setDriverError(String err) {
        driverError = err;
        return detail("driver_error", err);
    }

    public TaskEvent setExitCode(int code) {
        exitCode = code;
        return detail("exit_code", Integer.toString(code));
    }

    public TaskEvent setSignal(int sig) {
        signal = sig;
        return detail("signal", Integer.toString(sig));
    }

    public TaskEvent setExitMessage(String err) {
        message = err;
        return detail("exit_message", err);
    }

    public TaskEvent setKillError(String err) {
        killError = err;
        return detail("kill_error", err);
    }

    public TaskEvent setKillReason(String reason) {
        killReason = reason;
        return detail("kill_reason", reason);
    }

    public TaskEvent setRestartDelay(long delayNanos) {
        startDelay = delayNanos;
        return detail("start_delay", Long.toString(delayNanos));
    }

    public TaskEvent setRestartReason(String reason) {
        restartReason = reason;
        return detail("restart_reason", reason);
    }

    public TaskEvent setTaskSignalReason(String reason) {
        taskSignalReason = reason;
        return detail("task_signal_reason", reason);
    }

    public TaskEvent setTaskSignal(String sig) {
        taskSignal = sig;
        return detail("task_signal", sig);
    }

    public TaskEvent setDownloadError(String err) {
        downloadError = err;
        return detail("download_error", err);
    }

    public TaskEvent setValidationError(String err) {
        validationError = err;
        return detail("validation_error", err);
    }

    public TaskEvent setKillTimeout(long timeoutNanos) {
        killTimeout = timeoutNanos;
        return detail("kill_timeout", GoFmt.duration(timeoutNanos));
    }

    public TaskEvent setDiskLimit(long limit) {
        diskLimit = limit;
        return detail("disk_limit", Long.toString(limit));
    }

    public TaskEvent setFailedSibling(String sibling) {
        failedSibling = sibling;
        return detail("failed_sibling", sibling);
    }

    public TaskEvent setVaultRenewalError(String err) {
        vaultError = err;
        return detail("vault_renewal_error", err);
    }

    public TaskEvent setDriverMessage(String msg) {
        driverMessage = msg;
        return detail("driver_message", msg);
    }

    public TaskEvent setOomKilled(boolean oom) {
        return detail("oom_killed", Boolean.toString(oom));
    }

    /** Nomad's PopulateEventDisplayMessage: fills {@link #displayMessage} from the event's type and data, if empty. */
    public void populateDisplayMessage() {
        if (displayMessage != null && !displayMessage.isEmpty()) {
            return;
        }
        displayMessage = describe();
    }

    private String describe() {
        String t = GoZero.str(type);
        return switch (t) {
            case SETUP -> GoZero.str(message);
            case STARTED -> "Task started by client";
            case RECEIVED -> "Task received by client";
            case FAILED_VALIDATION -> or(validationError, "Validation of task failed");
            case SETUP_FAILURE -> or(setupError, "Task setup failed");
            case DRIVER_FAILURE -> or(driverError, "Failed to start task");
            case DOWNLOADING_ARTIFACTS -> "Client is downloading artifacts";
            case ARTIFACT_DOWNLOAD_FAILED -> or(downloadError, "Failed to download artifacts");
            case KILLING -> {
                if (!GoZero.str(killReason).isEmpty()) {
                    yield killReason;
                }
                yield GoZero.lng(killTimeout) != 0
                        ? "Sent interrupt. Waiting " + GoFmt.duration(killTimeout) + " before force killing"
                        : "Sent interrupt";
            }
            case KILLED -> or(killError, "Task successfully killed");
            case TERMINATED -> {
                List<String> parts = new ArrayList<>();
                parts.add("Exit Code: " + GoZero.num(exitCode));
                if (GoZero.num(signal) != 0) {
                    parts.add("Signal: " + signal);
                }
                if (!GoZero.str(message).isEmpty()) {
                    parts.add("Exit Message: " + GoFmt.quote(message));
                }
                yield String.join(", ", parts);
            }
            case RESTARTING -> {
                String in = "Task restarting in " + GoFmt.duration(GoZero.lng(startDelay));
                String reason = GoZero.str(restartReason);
                yield !reason.isEmpty() && !reason.equals(REASON_WITHIN_POLICY) ? reason + " - " + in : in;
            }
            case NOT_RESTARTING -> or(restartReason, "Task exceeded restart policy");
            case SIBLING_FAILED -> GoZero.str(failedSibling).isEmpty() ? "Task's sibling failed"
                    : "Task's sibling " + GoFmt.quote(failedSibling) + " failed";
            case SIGNALING -> {
                String sig = GoZero.str(taskSignal);
                String reason = GoZero.str(taskSignalReason);
                if (sig.isEmpty() && reason.isEmpty()) {
                    yield "Task being sent a signal";
                } else if (sig.isEmpty()) {
                    yield reason;
                } else if (reason.isEmpty()) {
                    yield "Task being sent signal " + sig;
                }
                yield "Task being sent signal " + sig + ": " + reason;
            }
            case RESTART_SIGNAL -> or(restartReason, "Task signaled to restart");
            case DRIVER_MESSAGE -> GoZero.str(driverMessage);
            case LEADER_DEAD -> "Leader Task in Group dead";
            default -> GoZero.str(message);
        };
    }

    private static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
