package io.drover.scheduler.select;

import io.drover.model.VolumeRequest;
import io.drover.model.node.ClientHostVolumeConfig;
import io.drover.model.node.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a node offers every host volume a group asks for (Nomad's
 * {@code HostVolumeChecker}), and that a read-only one is only asked for read-only. A failure
 * is recorded as {@value #FILTER_HOST_VOLUMES}.
 */
final class HostVolumeChecker implements FeasibilityChecker {
    static final String FILTER_HOST_VOLUMES = "missing compatible host volumes";

    private final EvalContext ctx;
    private Map<String, List<VolumeRequest>> bySource = Map.of();

    HostVolumeChecker(EvalContext ctx) {
        this.ctx = ctx;
    }

    void setVolumes(Map<String, VolumeRequest> volumes) {
        Map<String, List<VolumeRequest>> lookup = new HashMap<>();
        if (volumes != null) {
            for (VolumeRequest req : volumes.values()) {
                if (req != null && VolumeRequest.TYPE_HOST.equals(req.type)) {
                    lookup.computeIfAbsent(req.source == null ? "" : req.source, k -> new ArrayList<>()).add(req);
                }
            }
        }
        bySource = lookup;
    }

    @Override
    public boolean feasible(Node node) {
        if (hasVolumes(node)) {
            return true;
        }
        ctx.metrics().filterNode(node, FILTER_HOST_VOLUMES);
        return false;
    }

    private boolean hasVolumes(Node node) {
        if (bySource.isEmpty()) {
            return true;
        }
        Map<String, ClientHostVolumeConfig> offered = node.hostVolumes == null ? Map.of() : node.hostVolumes;
        if (bySource.size() > offered.size()) {
            return false;
        }
        for (Map.Entry<String, List<VolumeRequest>> e : bySource.entrySet()) {
            ClientHostVolumeConfig vol = offered.get(e.getKey());
            if (vol == null) {
                return false;
            }
            if (!Boolean.TRUE.equals(vol.readOnly)) {
                continue;
            }
            for (VolumeRequest req : e.getValue()) {
                if (!Boolean.TRUE.equals(req.readOnly)) {
                    return false;
                }
            }
        }
        return true;
    }
}
