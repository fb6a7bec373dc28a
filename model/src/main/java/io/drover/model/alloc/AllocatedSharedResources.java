package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.NetworkResource;
import io.drover.model.Networks;
import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** What an allocation's tasks share: group networks and the ephemeral disk in MB (Nomad's {@code structs.AllocatedSharedResources}). */
public final class AllocatedSharedResources {
    @JsonProperty("Networks") public List<NetworkResource> networks;
    @JsonProperty("DiskMB") public Long diskMb = 0L;

    public AllocatedSharedResources() {
    }

    public AllocatedSharedResources(long diskMb) {
        this.diskMb = diskMb;
    }

    /** A deep copy. */
    public AllocatedSharedResources copy() {
        AllocatedSharedResources c = new AllocatedSharedResources(GoZero.lng(diskMb));
        c.networks = Networks.copy(networks);
        return c;
    }

    /** Nomad's Add: appends the networks (not merged by device) and sums the disk. */
    public void add(AllocatedSharedResources delta) {
        if (delta == null) {
            return;
        }
        if (delta.networks != null && !delta.networks.isEmpty()) {
            List<NetworkResource> out = new ArrayList<>(GoZero.list(networks));
            out.addAll(delta.networks);
            networks = out;
        }
        diskMb = GoZero.lng(diskMb) + GoZero.lng(delta.diskMb);
    }

    /** Nomad's Subtract: drops the very network objects {@code delta} holds (by identity) and subtracts the disk. */
    public void subtract(AllocatedSharedResources delta) {
        if (delta == null) {
            return;
        }
        Set<NetworkResource> drop = Collections.newSetFromMap(new IdentityHashMap<>());
        drop.addAll(GoZero.list(delta.networks));
        List<NetworkResource> kept = null;
        for (NetworkResource n : GoZero.list(networks)) {
            if (!drop.contains(n)) {
                if (kept == null) {
                    kept = new ArrayList<>();
                }
                kept.add(n);
            }
        }
        networks = kept;
        diskMb = GoZero.lng(diskMb) - GoZero.lng(delta.diskMb);
    }
}
