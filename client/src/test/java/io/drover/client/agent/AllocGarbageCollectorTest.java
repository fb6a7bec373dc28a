package io.drover.client.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocGarbageCollectorTest {
    private int count;
    private double disk = 10;
    private final Set<String> serverTerminal = new HashSet<>();
    private final AllocGarbageCollector gc = new AllocGarbageCollector(new AllocGcPolicy(3, 80, Duration.ofMinutes(1)),
            () -> count, () -> disk);

    @Test
    void withinItsLimitsTheNodeKeepsFinishedAllocations() {
        count = 3;
        finish("a", "b");

        assertThat(gc.next(serverTerminal::contains, 0)).isNull();
    }

    @Test
    void overMaxAllocsTheOldestFinishedGoesFirstOneAtATime() {
        count = 4;
        finish("b", "a", "c");

        assertThat(gc.next(serverTerminal::contains, 0)).isEqualTo("b");
        count = 3;
        assertThat(gc.next(serverTerminal::contains, 0)).isNull();
    }

    @Test
    void incomingAllocationsMakeRoomForThemselves() {
        count = 3;
        finish("a", "b");

        assertThat(gc.next(serverTerminal::contains, 2)).isEqualTo("a");
        count = 2;
        assertThat(gc.next(serverTerminal::contains, 2)).isEqualTo("b");
        count = 1;
        assertThat(gc.next(serverTerminal::contains, 2)).isNull();
    }

    @Test
    void aFullDiskRemovesFinishedAllocationsUntilItIsBelowTheThreshold() {
        count = 2;
        disk = 85;
        finish("a", "b");

        assertThat(gc.next(serverTerminal::contains, 0)).isEqualTo("a");
        disk = 79.9;
        assertThat(gc.next(serverTerminal::contains, 0)).isNull();
    }

    @Test
    void anAllocationTheServersDoNotYetSeeAsOverIsKept() {
        count = 5;
        gc.finished("early");
        finish("late");

        assertThat(gc.next(serverTerminal::contains, 0)).isEqualTo("late");
        assertThat(gc.next(serverTerminal::contains, 0)).isNull();
        serverTerminal.add("early");
        assertThat(gc.next(serverTerminal::contains, 0)).isEqualTo("early");
    }

    @Test
    void nomadsDefaultsAndBadSettings() {
        assertThat(AllocGcPolicy.DEFAULT).isEqualTo(new AllocGcPolicy(50, 80, Duration.ofMinutes(1)));
        assertThatThrownBy(() -> new AllocGcPolicy(0, 80, Duration.ofMinutes(1)))
                .hasMessageContaining("gc_max_allocs");
        assertThatThrownBy(() -> new AllocGcPolicy(1, 0, Duration.ofMinutes(1)))
                .hasMessageContaining("gc_disk_usage_threshold");
        assertThatThrownBy(() -> new AllocGcPolicy(1, 80, Duration.ZERO)).hasMessageContaining("gc_interval");
    }

    private void finish(String... ids) {
        for (String id : ids) {
            gc.finished(id);
            serverTerminal.add(id);
        }
    }
}
