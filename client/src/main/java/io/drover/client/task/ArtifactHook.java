package io.drover.client.task;

import io.drover.client.ClientTimers;
import io.drover.model.TaskArtifact;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.json.GoTime;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Nomad's artifact hook: before the task starts, emits Downloading Artifacts and fetches the
 * task's artifacts in order with an {@link ArtifactFetcher} on the {@code downloads} executor,
 * never on the state thread. The first that fails stops the rest and is reported as Failed
 * Artifact Download, its {@code DownloadError} saying which artifact and why; as in Nomad the
 * failure is recoverable, so the restart policy decides whether the task tries again. Those
 * already fetched are not fetched again on the next try, nor once all are in place.
 *
 * <p>Its own state is touched on the state thread only: the download's outcome hops back
 * through {@link ClientTimers}.
 */
public final class ArtifactHook implements TaskPrestartHook {
    private final String task;
    private final List<TaskArtifact> artifacts;
    private final AllocDir dir;
    private final TaskEnv env;
    private final ArtifactFetcher fetcher;
    private final ExecutorService downloads;
    private final ClientTimers timers;
    /** How many of the artifacts, in order, are in place. */
    private int fetched;
    private Future<?> running;
    /** Bumped by cancel so that a download's late outcome is dropped. */
    private long generation;

    public ArtifactHook(String task, List<TaskArtifact> artifacts, AllocDir dir, TaskEnv env, ArtifactFetcher fetcher,
            ExecutorService downloads, ClientTimers timers) {
        this.task = Objects.requireNonNull(task, "task");
        this.artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        this.dir = Objects.requireNonNull(dir, "dir");
        this.env = Objects.requireNonNull(env, "env");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.timers = Objects.requireNonNull(timers, "timers");
    }

    @Override
    public String name() {
        return "artifacts";
    }

    /** Whether every artifact is in place. */
    @Override
    public boolean done() {
        return fetched == artifacts.size();
    }

    /** The agent restarted and its saved state says the artifacts were all fetched. */
    @Override
    public void markDone() {
        fetched = artifacts.size();
    }

    @Override
    public void prestart(Consumer<TaskEvent> emit, Done done) {
        if (done()) {
            done.succeeded();
            return;
        }
        emit.accept(new TaskEvent(TaskEvent.DOWNLOADING_ARTIFACTS, GoTime.unixNanos(timers.now())));
        long gen = generation;
        int from = fetched;
        running = downloads.submit(() -> {
            int n = from;
            String error = null;
            for (; n < artifacts.size(); n++) {
                TaskArtifact a = artifacts.get(n);
                try {
                    fetcher.fetch(a, env, dir, task);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    error = "failed to download artifact \"" + a.getterSource + "\": " + e.getMessage();
                    break;
                }
            }
            int upTo = n;
            String failure = error;
            timers.schedule(0, () -> finished(gen, upTo, failure, emit, done));
        });
    }

    private void finished(long gen, int upTo, String error, Consumer<TaskEvent> emit, Done done) {
        if (gen != generation) {
            return;
        }
        running = null;
        fetched = upTo;
        if (error == null) {
            done.succeeded();
            return;
        }
        emit.accept(new TaskEvent(TaskEvent.ARTIFACT_DOWNLOAD_FAILED, GoTime.unixNanos(timers.now()))
                .setDownloadError(error));
        done.failed(true);
    }

    @Override
    public void cancel() {
        generation++;
        if (running != null) {
            running.cancel(true);
            running = null;
        }
    }
}
