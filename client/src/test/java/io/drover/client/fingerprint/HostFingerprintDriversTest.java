package io.drover.client.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.driver.DriverHealth;
import io.drover.model.DriverInfo;
import io.drover.model.Node;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A driver the host cannot run is listed as detected but unhealthy, and constraints on it do not match. */
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
}
