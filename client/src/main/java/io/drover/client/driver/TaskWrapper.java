package io.drover.client.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The small {@code /bin/sh} that runs each task process in place of Nomad's executor, so that
 * the task does not depend on the agent that started it: it holds both ends of the task's
 * output pipes open (a task writing while no agent reads never gets SIGPIPE), runs the
 * command with stdout and stderr on them, and records its exit status in {@code exitFile}
 * (written beside it, then renamed) before exiting with that same status.
 *
 * <p>It catches the signals a kill signal may be (with a handler: an ignored signal would
 * be ignored by the task too) so that it outlives a stop sent to the task's process group and
 * still records how the task ended; the shell runs its handler only after the task has ended.
 * SIGKILL ends it with the task, leaving no status.
 */
record TaskWrapper(Path stdoutFifo, Path stderrFifo, Path exitFile) {
    private static final String SH = "/bin/sh";
    /** Positional parameters: the two pipes, the exit file, then the command and its arguments. */
    private static final String SCRIPT = String.join("\n",
            "out=$1 err=$2 status=$3",
            "shift 3",
            "trap : HUP INT QUIT ABRT USR1 USR2 ALRM TERM",
            "exec 3<>\"$out\" 4<>\"$err\"",
            "\"$@\" >\"$out\" 2>\"$err\" 3>&- 4>&-",
            "code=$?",
            "printf '%s\\n' \"$code\" >\"$status.tmp\" && command -p mv -f \"$status.tmp\" \"$status\"",
            "exit \"$code\"");

    TaskWrapper {
        Objects.requireNonNull(stdoutFifo, "stdoutFifo");
        Objects.requireNonNull(stderrFifo, "stderrFifo");
        Objects.requireNonNull(exitFile, "exitFile");
    }

    /** The wrapper of a task: its output through its log pipes, its status in {@code <task dir>/.exit}. */
    static TaskWrapper of(TaskSpec spec) {
        return new TaskWrapper(spec.logs().stdoutFifo(), spec.logs().stderrFifo(), spec.taskDir().resolve(".exit"));
    }

    /** The wrapper's own command line; the task's follows it. */
    List<String> argv() {
        return List.of(SH, "-c", SCRIPT, "drover-task", stdoutFifo.toString(), stderrFifo.toString(),
                exitFile.toString());
    }

    /** Forgets the status of an earlier run, before the task starts (again). */
    void clearExitStatus() throws IOException {
        Files.deleteIfExists(exitFile);
    }

    /** The exit status the wrapper recorded, empty when it recorded none (it was killed, or still runs). */
    OptionalInt readExitStatus() {
        try {
            String s = new String(Files.readAllBytes(exitFile), StandardCharsets.US_ASCII).trim();
            return OptionalInt.of(Integer.parseInt(s));
        } catch (IOException | NumberFormatException e) {
            // No file (or, should the disk have failed it, no readable one): no status known.
            return OptionalInt.empty();
        }
    }
}
