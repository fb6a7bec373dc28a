package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testkit.process.AgentLauncher;
import io.drover.testkit.process.JvmOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The server jar the build packaged, run as {@code bin/drover} runs it but with C1 only. */
public final class PackagedServer {
    private PackagedServer() {
    }

    /** {@code java <bin/jvm.options> -XX:TieredStopAtLevel=1 -jar <drover.server.jar>}. */
    public static AgentLauncher launcher() {
        String jarProperty = System.getProperty("drover.server.jar");
        assertThat(jarProperty).as("system property drover.server.jar (set by cluster-tests/pom.xml)").isNotNull();
        Path jar = Path.of(jarProperty).toAbsolutePath().normalize();
        assertThat(jar).as("the packaged server (mvn -DskipTests package builds it)").isRegularFile();
        // C1 only: on two cores JIT work was most of the suite's time, and the tests measure no throughput
        List<String> jvmOptions = new ArrayList<>(JvmOptions.besideJar(jar));
        jvmOptions.add("-XX:TieredStopAtLevel=1");
        return AgentLauncher.jar(jar, jvmOptions);
    }
}
