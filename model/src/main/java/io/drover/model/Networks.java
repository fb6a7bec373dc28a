package io.drover.model;

import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.List;

/** Nomad's helpers on a list of networks ({@code structs.Networks}). */
public final class Networks {
    private Networks() {
    }

    /** Deep copy; like Nomad, an empty list copies as null. */
    public static List<NetworkResource> copy(List<NetworkResource> networks) {
        if (networks == null || networks.isEmpty()) {
            return null;
        }
        List<NetworkResource> out = new ArrayList<>(networks.size());
        for (NetworkResource n : networks) {
            out.add(n == null ? null : n.copy());
        }
        return out;
    }

    /** Nomad's NetIndex: the position of the network on the same device as {@code n}, or -1. */
    static int netIndex(List<NetworkResource> networks, NetworkResource n) {
        if (networks != null) {
            for (int i = 0; i < networks.size(); i++) {
                if (GoZero.str(networks.get(i).device).equals(GoZero.str(n.device))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Sums {@code n} into the network on its device, or appends a copy of it (Nomad's Resources.Add pattern). */
    public static List<NetworkResource> addByDevice(List<NetworkResource> into, NetworkResource n) {
        List<NetworkResource> out = into == null ? new ArrayList<>() : into;
        int idx = netIndex(out, n);
        if (idx == -1) {
            if (!(out instanceof ArrayList)) {
                out = new ArrayList<>(out);
            }
            out.add(n.copy());
        } else {
            out.get(idx).add(n);
        }
        return out;
    }
}
