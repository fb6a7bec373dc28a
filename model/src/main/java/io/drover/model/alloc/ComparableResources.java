package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoZero;

/**
 * Resources flattened for comparison (Nomad's {@code structs.ComparableResources}): CPU (MHz)
 * and memory (MB) summed over tasks in {@link #flattened}, disk (MB) in {@link #shared}.
 * Networks ride along but are compared by a {@link NetworkIndex}, never here.
 */
public final class ComparableResources {
    public static final String DIMENSION_CPU = "cpu";
    public static final String DIMENSION_MEMORY = "memory";
    public static final String DIMENSION_DISK = "disk";

    @JsonProperty("Flattened") public AllocatedTaskResources flattened = new AllocatedTaskResources();
    @JsonProperty("Shared") public AllocatedSharedResources shared = new AllocatedSharedResources();

    public ComparableResources() {
    }

    public ComparableResources(long cpuShares, long memoryMb, long diskMb) {
        flattened = new AllocatedTaskResources(cpuShares, memoryMb);
        shared = new AllocatedSharedResources(diskMb);
    }

    public long cpuShares() {
        return GoZero.lng(flattened.cpu.cpuShares);
    }

    public long memoryMb() {
        return GoZero.lng(flattened.memory.memoryMb);
    }

    public long diskMb() {
        return GoZero.lng(shared.diskMb);
    }

    /** Nomad's Add. */
    public void add(ComparableResources delta) {
        if (delta != null) {
            flattened.add(delta.flattened);
            shared.add(delta.shared);
        }
    }

    /** Nomad's Subtract: CPU, memory and disk, and the shared networks {@code delta} holds. */
    public void subtract(ComparableResources delta) {
        if (delta != null) {
            flattened.subtract(delta.flattened);
            shared.subtract(delta.shared);
        }
    }

    /**
     * Nomad's Superset: null when this covers {@code other} in CPU, memory and disk, else the
     * first dimension it falls short in: {@value #DIMENSION_CPU}, {@value #DIMENSION_MEMORY} or
     * {@value #DIMENSION_DISK}. Networks are not compared.
     */
    public String superset(ComparableResources other) {
        if (cpuShares() < other.cpuShares()) {
            return DIMENSION_CPU;
        }
        if (memoryMb() < other.memoryMb()) {
            return DIMENSION_MEMORY;
        }
        if (diskMb() < other.diskMb()) {
            return DIMENSION_DISK;
        }
        return null;
    }

    /** A deep copy. */
    public ComparableResources copy() {
        ComparableResources c = new ComparableResources();
        c.flattened = flattened.copy();
        c.shared = shared.copy();
        return c;
    }
}
