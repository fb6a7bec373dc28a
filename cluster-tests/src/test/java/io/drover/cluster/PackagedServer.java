package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.testkit.process.AgentLauncher;
import io.drover.testkit.process.JvmOptions;
import java.nio.file.Path;

/** The server jar the build packaged, run as {@code bin/drover} runs it (bin/jvm.options: C1 only). */
public final class PackagedServer {
    private PackagedServer() {
    }

    /** {@code java <bin/jvm.options> -jar <drover.server.jar>}. */
    public static AgentLauncher launcher() {
        String jarProperty = System.getProperty("drover.server.jar");
        assertThat(jarProperty).as("system property drover.server.jar (set by cluster-tests/pom.xml)").isNotNull();
        Path jar = Path.of(jarProperty).toAbsolutePath().normalize();
        assertThat(jar).as("the packaged server (mvn -DskipTests package builds it)").isRegularFile();
        return AgentLauncher.jar(jar, JvmOptions.besideJar(jar));
    }
}
