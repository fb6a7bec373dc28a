package io.drover.cluster.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A separate process (bash, using {@code /dev/tcp}) that opens TCP connections to a port and
 * sends lines on them when told, for the proxy tests that must tell processes apart. Commands on
 * its stdin, one answer line each on its stdout: {@code open} → "opened" or "refused";
 * {@code send <word>} → "reply <word>" if the word came back within 3 s, else "lost" (reset,
 * closed, or silent). It can run as a grandchild of the process the tests register, to test that
 * descendants count.
 */
final class ShellClient implements AutoCloseable {
    private static final String SCRIPT = String.join("\n",
            "trap '' PIPE", // a write to a reset connection must fail, not kill us
            "port=$1",
            "echo ready",
            "while read -r cmd arg; do",
            "  case \"$cmd\" in",
            "    open) exec 3<&- 3>&-; if exec 3<>\"/dev/tcp/127.0.0.1/$port\"; then echo opened; else echo refused; fi ;;",
            "    send) if printf '%s\\n' \"$arg\" >&3 && IFS= read -r -t 3 reply <&3; then echo \"reply $reply\"; else echo lost; fi ;;",
            "    quit) exit 0 ;;",
            "    *) echo \"unknown $cmd\" ;;",
            "  esac",
            "done",
            "");
    private static final long ANSWER_SECONDS = 6;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private ShellClient(List<String> command) {
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    answers.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "shell-client-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        String ready = next();
        if (!"ready".equals(ready)) {
            close();
            throw new IllegalStateException("shell client did not start: " + ready);
        }
    }

    /** A client process connecting to {@code port}. */
    static ShellClient start(Path dir, int port) {
        return new ShellClient(List.of("bash", script(dir).toString(), Integer.toString(port)));
    }

    /** A process that runs the client as its child: the connections are its descendant's. */
    static ShellClient startAsChild(Path dir, int port) {
        return new ShellClient(List.of("bash", "-c", "bash \"$0\" \"$1\"; true", script(dir).toString(), Integer.toString(port)));
    }

    private static Path script(Path dir) {
        try {
            Path script = dir.resolve("client.sh");
            if (!Files.exists(script)) {
                Files.writeString(script, SCRIPT);
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PID to register: the process this object started. */
    long pid() {
        return process.pid();
    }

    /** Opens a new connection (closing the previous one); "opened" once the handshake is done. */
    String open() {
        return command("open");
    }

    /** Sends {@code word} on the open connection: "reply <word>" if it came back, else "lost". */
    String send(String word) {
        return command("send " + word);
    }

    private String command(String line) {
        try {
            commands.write(line + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("shell client " + pid() + " gone", e);
        }
        return next();
    }

    private String next() {
        try {
            String answer = answers.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
            return answer == null ? "(no answer within " + ANSWER_SECONDS + " s)" : answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** Kills the process and its descendants, and waits until it is gone. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
