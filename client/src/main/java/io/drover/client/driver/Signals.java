package io.drover.client.driver;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends POSIX signals by name through the host's {@code kill}, since Java can only send
 * SIGTERM and SIGKILL to a process and none to a process group.
 */
final class Signals {
    /** Nomad's default kill signal. */
    static final String DEFAULT = "SIGINT";

    private Signals() {
    }

    /** {@code SIGINT}, {@code sigint} or {@code INT} → {@code INT}; empty → Nomad's default. */
    static String name(String signal) {
        String s = signal == null || signal.isBlank() ? DEFAULT : signal.trim().toUpperCase(java.util.Locale.ROOT);
        return s.startsWith("SIG") ? s.substring(3) : s;
    }

    /**
     * Signals the process group led by {@code pid} (or the process alone when it has no
     * group of its own).
     *
     * @return whether {@code kill} accepted it
     */
    static boolean send(long pid, boolean group, String name) {
        String target = group ? "-" + pid : Long.toString(pid);
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, "--", target)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                return false;
            }
            return kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
