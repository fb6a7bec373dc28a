package io.drover.client.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.driver.DriverHealth;
import io.drover.model.node.DriverInfo;
import io.drover.model.node.Node;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver the host cannot run is listed as detected but unhealthy, and constraints on it do not
 * match; resources are reported in both shapes Nomad 0.11's client fills.
 */
class HostFingerprintDriversTest {
    @TempDir
    Path dataDir;

    @Test
    void onlyHealthyDriversGetTheirDriverAttribute() {
        Map<String, DriverHealth> drivers = new LinkedHashMap<>();
        drivers.put("raw_exec", DriverHealth.HEALTHY);
        drivers.put("exec", DriverHealth.unhealthy("exec needs root and unshare to isolate tasks: the agent is not root"));
        Node node = new Node();
        node.httpAddr = "127.0.0.1:4646";

        new HostFingerprint().fingerprint(node, dataDir, "127.0.0.1", drivers, Instant.parse("2020-06-01T00:00:00Z"));

        assertThat(node.attributes).containsEntry("driver.raw_exec", "1").doesNotContainKey("driver.exec");
        DriverInfo exec = node.drivers.get("exec");
        assertThat(exec.detected).isTrue();
        assertThat(exec.healthy).isFalse();
        assertThat(exec.healthDescription).isEqualTo("exec needs root and unshare to isolate tasks: the agent is not root");
        assertThat(exec.attributes).isEmpty();
        assertThat(node.drivers.get("raw_exec").healthy).isTrue();
        assertThat(node.drivers.get("raw_exec").attributes).containsEntry("driver.raw_exec", "true");
    }

    @Test
    void resourcesAreFingerprintedInThePre09ShapesToo() {
        Node node = new Node();
        node.httpAddr = "127.0.0.1:4646";

        new HostFingerprint().fingerprint(node, dataDir, "127.0.0.1", Map.of(), Instant.parse("2020-06-01T00:00:00Z"));

        // As Nomad 0.11's client fills them: the same figures as NodeResources, nothing reserved.
        assertThat(node.resources.cpu).isEqualTo(node.nodeResources.cpu.cpuShares.intValue()).isPositive();
        assertThat(node.resources.memoryMb).isEqualTo(node.nodeResources.memory.memoryMb.intValue()).isPositive();
        assertThat(node.resources.diskMb).isEqualTo(node.nodeResources.disk.diskMb.intValue());
        assertThat(node.resources.iops).isZero();
        assertThat(node.resources.networks).extracting(n -> n.ip).containsExactly("127.0.0.1");
        assertThat(new Integer[] {node.reserved.cpu, node.reserved.memoryMb, node.reserved.diskMb, node.reserved.iops})
                .containsExactly(0, 0, 0, 0);
    }
}
