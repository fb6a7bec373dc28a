package io.drover.bench;

import io.drover.testkit.process.AgentLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How the benchmarks that start their own agent start it: which jar, with which JVM options. */
final class AgentJarOptions {
    @Option(names = "--jar", defaultValue = "server/target/drover-server.jar",
            description = "the packaged server (default ${DEFAULT-VALUE})")
    String jar;

    @Option(names = "--jvm-opt",
            description = "JVM options for the agent (repeatable; default: bin/jvm.options, as bin/drover)")
    List<String> jvmOptions = new ArrayList<>();

    AgentLauncher launcher() {
        return jvmOptions.isEmpty() ? AgentLauncher.jar(Path.of(jar)) : AgentLauncher.jar(Path.of(jar), jvmOptions);
    }
}
