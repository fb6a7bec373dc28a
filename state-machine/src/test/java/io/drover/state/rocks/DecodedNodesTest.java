package io.drover.state.rocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.json.NomadJson;
import io.drover.model.node.Node;
import io.drover.testkit.fixtures.NodeAllocCommands;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecodedNodesTest {
    private final DecodedNodes decoded = new DecodedNodes();

    @Test
    void anUnchangedNodeDecodesToAnEqualCopyEachTime() {
        byte[] stored = NomadJson.write(NodeAllocCommands.node("n1", null));
        Node first = decoded.decode("n1", stored);
        Node second = decoded.decode("n1", stored.clone());
        assertThat(second).isNotSameAs(first);
        assertThat(NomadJson.write(second)).isEqualTo(stored);
        // A reader changing its copy changes nothing for the next one.
        second.status = Node.STATUS_DOWN;
        second.attributes.put("kernel.name", "plan9");
        assertThat(NomadJson.write(decoded.decode("n1", stored))).isEqualTo(stored);
    }

    @Test
    void aChangedNodeIsDecodedAgain() {
        Node node = NodeAllocCommands.node("n1", null);
        decoded.decode("n1", NomadJson.write(node));
        node.status = Node.STATUS_DOWN;
        node.modifyIndex = 99L;
        assertThat(decoded.decode("n1", NomadJson.write(node)).status).isEqualTo(Node.STATUS_DOWN);
    }

    @Test
    void forgottenNodesAreDecodedAfresh() {
        byte[] stored = NomadJson.write(NodeAllocCommands.node("n1", null));
        decoded.decode("n1", stored);
        decoded.retainOnly(Set.of("n2"));
        assertThat(decoded.decode("n1", stored).id).isEqualTo("n1");
    }
}
