package io.drover.testkit.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run {@code drover}: the packaged jar on this JVM's java, or a launcher such as
 * {@code bin/drover}.
 *
 * @param command what comes before {@code agent …}
 */
public record AgentLauncher(List<String> command) {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    public AgentLauncher {
        command = List.copyOf(command);
    }

    /** {@code java <jvmOptions> -jar <jar>}. */
    public static AgentLauncher jar(Path jar, List<String> jvmOptions) {
        List<String> c = new ArrayList<>(List.of(JAVA));
        c.addAll(jvmOptions);
        c.addAll(List.of("-jar", jar.toString()));
        return new AgentLauncher(c);
    }

    /** The jar with the options {@code bin/drover} gives it ({@link JvmOptions#besideJar}). */
    public static AgentLauncher jar(Path jar) {
        return jar(jar, JvmOptions.besideJar(jar));
    }

    /** A launcher script, e.g. {@code bin/drover}. */
    public static AgentLauncher script(String path) {
        return new AgentLauncher(List.of(path));
    }

    /** The whole command line for {@code drover <args>}. */
    public List<String> run(List<String> args) {
        List<String> c = new ArrayList<>(command);
        c.addAll(args);
        return c;
    }
}
