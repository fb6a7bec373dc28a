package io.drover.client.task;

import io.drover.client.TestAllocs;
import io.drover.model.Task;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** An allocation of one task "web" with meta, its built directory and its environment, for the file hooks' tests. */
final class TaskFileFixture {
    final Task task = new Task();
    final Allocation alloc = new Allocation();
    final AllocDir dir;
    final TaskEnv env;

    TaskFileFixture(Path root) throws IOException {
        task.name = "web";
        task.driver = "raw_exec";
        task.meta = Map.of("owner", "ops");
        alloc.id = "a1";
        alloc.name = "j.g[0]";
        alloc.taskGroup = "g";
        alloc.job = TestAllocs.job("batch", task);
        Node node = new Node();
        node.id = "n1";
        node.datacenter = "dc1";
        node.attributes = Map.of("kernel.name", "linux");
        dir = new AllocDir(root, alloc.id);
        dir.build();
        dir.buildTask(task.name);
        env = TaskEnv.of(alloc, task, dir, node, "global");
    }

    Path taskDir() {
        return dir.taskDir(task.name);
    }
}
