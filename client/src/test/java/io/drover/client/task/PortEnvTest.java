package io.drover.client.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.Task;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A task sees its ports, its siblings' ports and the group's ports as Nomad's taskenv names them. */
class PortEnvTest {
    @Test
    void aTaskSeesItsOwnPortsWithHostValues() {
        Allocation alloc = alloc(Map.of("web", networks(net("10.0.0.5", List.of(new Port("admin", 8080, 0)),
                List.of(new Port("http", 23456, 0))))), null);

        Map<String, String> env = PortEnv.of(alloc, "web");

        assertThat(env).containsEntry("NOMAD_PORT_http", "23456").containsEntry("NOMAD_HOST_PORT_http", "23456")
                .containsEntry("NOMAD_IP_http", "10.0.0.5").containsEntry("NOMAD_ADDR_http", "10.0.0.5:23456")
                .containsEntry("NOMAD_PORT_admin", "8080").containsEntry("NOMAD_ADDR_admin", "10.0.0.5:8080");
    }

    @Test
    void siblingsPortsAreNamedAfterTheirTask() {
        Map<String, AllocatedTaskResources> tasks = new LinkedHashMap<>();
        tasks.put("web", networks());
        tasks.put("db", networks(net("10.0.0.6", List.of(), List.of(new Port("pg", 5432, 0)))));

        Map<String, String> env = PortEnv.of(alloc(tasks, null), "web");

        assertThat(env).containsEntry("NOMAD_ADDR_db_pg", "10.0.0.6:5432").containsEntry("NOMAD_IP_db_pg", "10.0.0.6")
                .containsEntry("NOMAD_PORT_db_pg", "5432").doesNotContainKey("NOMAD_PORT_pg");
    }

    @Test
    void groupPortsUseTheirMappedPortInsideAndTheHostPortOutside() {
        NetworkResource shared = net("10.0.0.5", List.of(), List.of(new Port("api", 25000, 9090), new Port("raw", 25001, 0)));

        Map<String, String> env = PortEnv.of(alloc(Map.of("web", networks()), shared), "web");

        assertThat(env).containsEntry("NOMAD_PORT_api", "9090").containsEntry("NOMAD_HOST_PORT_api", "25000")
                .containsEntry("NOMAD_PORT_raw", "25001").containsEntry("NOMAD_HOST_PORT_raw", "25001")
                .doesNotContainKey("NOMAD_ADDR_api");
    }

    @Test
    void labelsAreMadeSafeForTheEnvironmentAndIpv6IsBracketed() {
        Allocation alloc = alloc(Map.of("web", networks(net("fe80::1", List.of(), List.of(new Port("my-port", 30000, 0))))),
                null);

        assertThat(PortEnv.of(alloc, "web")).containsEntry("NOMAD_ADDR_my_port", "[fe80::1]:30000")
                .containsEntry("NOMAD_PORT_my_port", "30000");
    }

    @Test
    void anAllocationWithoutAllocatedResourcesHasNoPorts() {
        Allocation alloc = new Allocation();
        alloc.id = "a";

        assertThat(PortEnv.of(alloc, "web")).isEmpty();
    }

    @Test
    void theTaskEnvironmentCarriesThePortsAndTaskEnvCanReferToThem() {
        Allocation alloc = alloc(Map.of("web", networks(net("10.0.0.5", List.of(), List.of(new Port("http", 23456, 0))))),
                null);
        alloc.id = "0b0c4a8e-0000-4000-8000-000000000001";
        alloc.name = "j.g[0]";
        Task task = new Task();
        task.name = "web";
        task.env = Map.of("LISTEN", "${NOMAD_ADDR_http}");

        Map<String, String> vars = TaskEnv.of(alloc, task, new AllocDir(Path.of("/tmp/allocs"), alloc.id), null, "global")
                .vars();

        assertThat(vars).containsEntry("NOMAD_PORT_http", "23456").containsEntry("LISTEN", "10.0.0.5:23456");
    }

    private static Allocation alloc(Map<String, AllocatedTaskResources> tasks, NetworkResource shared) {
        Allocation a = new Allocation();
        a.id = "a";
        a.allocatedResources = new AllocatedResources();
        a.allocatedResources.tasks = tasks;
        if (shared != null) {
            a.allocatedResources.shared.networks = List.of(shared);
        }
        return a;
    }

    private static AllocatedTaskResources networks(NetworkResource... nets) {
        AllocatedTaskResources r = new AllocatedTaskResources();
        r.networks = List.of(nets);
        return r;
    }

    private static NetworkResource net(String ip, List<Port> reserved, List<Port> dynamic) {
        NetworkResource n = new NetworkResource();
        n.ip = ip;
        n.reservedPorts = reserved;
        n.dynamicPorts = dynamic;
        return n;
    }
}
