package io.drover.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM options {@code bin/drover} runs servers with: {@code bin/jvm.options} of the project
 * the jar was built in ({@code <project>/server/target/drover-server.jar}), so that processes
 * started from the jar run as users run them.
 */
public final class JvmOptions {
    private JvmOptions() {
    }

    public static List<String> besideJar(Path jar) {
        Path options = jar.toAbsolutePath().getParent().getParent().getParent().resolve("bin/jvm.options");
        try {
            return Files.readAllLines(options).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the servers' JVM options from " + options, e);
        }
    }
}
