package io.drover.client.driver;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * This agent's reading of a task's stdout and stderr: the two named pipes of its
 * {@link TaskLogs}, each pumped into its rotated files by a {@link LogPump}.
 *
 * <p>Each pipe is held twice: once read-write (a "keeper", so that opening never blocks and
 * the pipe never reads as ended while the task has yet to open it) and once read-only, which
 * the pump reads. Once the task's process has ended, {@link #processEnded()} lets the keepers
 * go: the pumps then end when the last writer (a child the task left behind, if any) does.
 * {@link #detach()} stops reading at once and leaves what is unread in the pipes, where the
 * next agent finds it.
 */
final class TaskOutput implements Closeable {
    private final Pipe stdout;
    private final Pipe stderr;
    private final CompletableFuture<Void> drained;

    private TaskOutput(Pipe stdout, Pipe stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.drained = CompletableFuture.allOf(stdout.pump.drained(), stderr.pump.drained());
    }

    /** Makes new, empty pipes for a task about to start, in place of any an earlier run left. */
    static void createFifos(TaskLogs logs) throws IOException {
        Files.deleteIfExists(logs.stdoutFifo());
        Files.deleteIfExists(logs.stderrFifo());
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", logs.stdoutFifo().toString(),
                logs.stderrFifo().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS)) {
                mkfifo.destroyForcibly();
                throw new IOException("mkfifo did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted creating the task's log pipes", e);
        }
        if (mkfifo.exitValue() != 0 || !isFifo(logs.stdoutFifo()) || !isFifo(logs.stderrFifo())) {
            throw new IOException("cannot create the task's log pipes in " + logs.dir());
        }
    }

    /** Whether both pipes are there to attach to (a task started by an older agent has none). */
    static boolean fifosExist(TaskLogs logs) {
        return isFifo(logs.stdoutFifo()) && isFifo(logs.stderrFifo());
    }

    /**
     * Opens both pipes and starts pumping them into the task's log files, which continue at
     * their newest file, appended to.
     *
     * @param who names the pump threads
     */
    static TaskOutput attach(TaskLogs logs, String who) throws IOException {
        Pipe out = Pipe.open(logs.stdoutFifo(), logs.stdout(), who + "-stdout");
        try {
            return new TaskOutput(out, Pipe.open(logs.stderrFifo(), logs.stderr(), who + "-stderr"));
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** Completes when both pumps have ended. */
    CompletableFuture<Void> drained() {
        return drained;
    }

    /** The task's process is gone: read on until its last writer closes the pipes. */
    void processEnded() {
        stdout.releaseKeeper();
        stderr.releaseKeeper();
    }

    /** Stops reading now; output not yet read stays in the pipes. */
    void detach() {
        close();
    }

    @Override
    public void close() {
        stdout.close();
        stderr.close();
    }

    private static boolean isFifo(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
            return false;
        }
    }

    /** One named pipe: the keeper, and the read end its pump reads. */
    private static final class Pipe {
        private final FileChannel keeper;
        private final FileChannel reader;
        private final LogPump pump;

        private Pipe(FileChannel keeper, FileChannel reader, LogPump pump) {
            this.keeper = keeper;
            this.reader = reader;
            this.pump = pump;
        }

        static Pipe open(Path fifo, FileRotator sink, String threadName) throws IOException {
            if (!isFifo(fifo)) {
                sink.close();
                throw new IOException(fifo + " is not a named pipe");
            }
            // Read-write never blocks on a pipe (Linux), and once it is open, read-only does not either.
            FileChannel keeper = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileChannel reader;
            try {
                reader = FileChannel.open(fifo, StandardOpenOption.READ);
            } catch (IOException e) {
                keeper.close();
                sink.close();
                throw e;
            }
            // A channel, unlike a FileInputStream, wakes a read blocked on it when closed: detach relies on that.
            return new Pipe(keeper, reader, LogPump.start(Channels.newInputStream(reader), sink, threadName));
        }

        void releaseKeeper() {
            closeQuietly(keeper);
        }

        void close() {
            closeQuietly(keeper);
            closeQuietly(reader);
        }

        private static void closeQuietly(FileChannel c) {
            try {
                c.close();
            } catch (IOException e) {
                // Closing a pipe fails only if it was already broken: nothing left to release.
            }
        }
    }
}
