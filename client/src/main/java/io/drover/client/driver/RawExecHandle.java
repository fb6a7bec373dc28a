package io.drover.client.driver;

import io.drover.client.ClientTimers;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One raw_exec (or exec) task: its {@link TaskWrapper} process, which leads the task's process
 * group, either a child of this agent or one a previous agent started and this one re-attached
 * to. Signals go to the group, through the wrapper's pid. Its end is reported once its output
 * is in the log files (or a grace period later), with the exit status the wrapper recorded, or
 * for a child, the one it exited with (which is the same, unless it was killed too).
 */
final class RawExecHandle implements TaskHandle {
    /** How long an exit waits for the task's last output to reach its log files. */
    private static final long LOG_DRAIN_GRACE_NANOS = 2_000_000_000L;
    /** A process the kernel killed with SIGKILL, as Java and Nomad's executor report it. */
    private static final int SIGKILL = 9;

    private final ProcessHandle process;
    private final boolean ownGroup;
    private final ClientTimers timers;
    private final long startMillis;
    private final TaskOutput output;
    private final CompletableFuture<ExitResult> exited = new CompletableFuture<>();
    private volatile boolean killSent;
    private volatile boolean forceKilled;
    private volatile boolean detached;
    private volatile Future<?> forceKill;
    /** What the wrapper ran when the forced kill was sent. */
    private volatile List<ProcessHandle> killedProcesses = List.of();

    private RawExecHandle(ProcessHandle process, boolean ownGroup, ClientTimers timers, TaskOutput output) {
        this.process = process;
        this.ownGroup = ownGroup;
        this.timers = timers;
        this.startMillis = RawExecDriver.startMillis(process);
        this.output = output;
    }

    /** A wrapper this agent started: its exit code is the task's. */
    static RawExecHandle started(Process child, boolean ownGroup, ClientTimers timers, TaskOutput output) {
        RawExecHandle h = new RawExecHandle(child.toHandle(), ownGroup, timers, output);
        child.onExit().thenAccept(p -> h.ended(OptionalInt.of(p.exitValue())));
        return h;
    }

    /**
     * A wrapper a previous agent started: not this agent's child, so only the status it
     * recorded says how the task ended (the JDK polls a non-child for its end).
     *
     * @param output its output pipes, re-opened; null when it has none to read
     */
    static RawExecHandle reattached(ProcessHandle process, boolean ownGroup, ClientTimers timers,
            TaskWrapper wrapper, TaskOutput output) {
        RawExecHandle h = new RawExecHandle(process, ownGroup, timers, output);
        process.onExit().thenAccept(p -> h.ended(wrapper.readExitStatus()));
        return h;
    }

    private void ended(OptionalInt status) {
        cancelForceKill();
        if (detached) {
            // The next agent reports it.
            return;
        }
        ExitResult result = exitResult(status);
        // The group's SIGKILL reaches the wrapper and the task at once, and the wrapper may be
        // seen gone first: the end is reported once what it ran is gone too (or a grace later).
        List<ProcessHandle> killed = killedProcesses;
        if (!killed.isEmpty()) {
            CompletableFuture<Void> gone = CompletableFuture.allOf(
                    killed.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
            timers.schedule(LOG_DRAIN_GRACE_NANOS, () -> gone.complete(null));
            gone.thenRun(() -> report(result));
            return;
        }
        report(result);
    }

    private void report(ExitResult result) {
        if (output == null) {
            exited.complete(result);
            return;
        }
        output.processEnded();
        // Report the exit once its output is in the files, but not later than a grace period:
        // a child the task left running may hold the pipes open for ever.
        output.drained().thenRun(() -> exited.complete(result));
        timers.schedule(LOG_DRAIN_GRACE_NANOS, () -> exited.complete(result));
    }

    /**
     * A process that died of a signal is reported as 128 + the signal, as Nomad's executor
     * does; only after we sent one do we read such a code as a signal, since a process may
     * also exit with it by itself. A wrapper that left no status was killed with the task by
     * our forced kill, or else by someone else, when how the task ended is unknown.
     */
    private ExitResult exitResult(OptionalInt status) {
        if (status.isEmpty()) {
            return forceKilled ? new ExitResult(128 + SIGKILL, SIGKILL, "")
                    : new ExitResult(-1, 0, "exit code unknown: the task's wrapper ended without recording it");
        }
        int code = status.getAsInt();
        int signal = killSent && code > 128 && code < 128 + 65 ? code - 128 : 0;
        return new ExitResult(code, signal, "");
    }

    private void cancelForceKill() {
        Future<?> f = forceKill;
        if (f != null) {
            f.cancel(false);
        }
    }

    @Override
    public CompletableFuture<ExitResult> exited() {
        return exited;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public long pidStartMillis() {
        return startMillis;
    }

    @Override
    public void kill(String signal, long timeoutNanos) {
        if (!process.isAlive()) {
            return;
        }
        killSent = true;
        String name = Signals.name(signal);
        if (!Signals.send(process.pid(), ownGroup, name)) {
            process.destroy();
        }
        if (!ownGroup) {
            // Without a group of its own only the wrapper got it, and it waits for the task: pass it on.
            process.children().forEach(c -> Signals.send(c.pid(), false, name));
        }
        forceKill = timers.schedule(timeoutNanos, this::destroy);
    }

    @Override
    public void destroy() {
        if (!process.isAlive()) {
            return;
        }
        killSent = true;
        forceKilled = true;
        // Taken before the kill: once the wrapper is gone, what it ran is no longer its descendant.
        List<ProcessHandle> descendants = process.descendants().toList();
        killedProcesses = descendants;
        Signals.send(process.pid(), ownGroup, "KILL");
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void detach() {
        detached = true;
        cancelForceKill();
        if (output != null) {
            output.detach();
        }
    }
}
