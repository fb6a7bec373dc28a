package io.drover.scheduler.reconcile;

import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A set of allocations keyed by ID (Nomad's {@code allocSet}). Iteration is in ID order, so the
 * reconciler's choices never depend on hash order: the same state always gives the same plan.
 * Sets are values: every operation returns a new set and leaves its inputs alone.
 */
public final class AllocSet {
    private final TreeMap<String, Allocation> byId = new TreeMap<>();

    public static AllocSet of(Collection<Allocation> allocs) {
        AllocSet s = new AllocSet();
        for (Allocation a : allocs) {
            s.byId.put(a.id, a);
        }
        return s;
    }

    public static AllocSet empty() {
        return new AllocSet();
    }

    public int size() {
        return byId.size();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public boolean contains(String allocId) {
        return byId.containsKey(allocId);
    }

    public Allocation get(String allocId) {
        return byId.get(allocId);
    }

    /** The allocations, in ID order. */
    public Collection<Allocation> values() {
        return byId.values();
    }

    void add(Allocation a) {
        byId.put(a.id, a);
    }

    void remove(String allocId) {
        byId.remove(allocId);
    }

    /** This set and the others; on a shared ID the last set's allocation wins. */
    public AllocSet union(AllocSet... others) {
        AllocSet out = of(values());
        for (AllocSet o : others) {
            out.byId.putAll(o.byId);
        }
        return out;
    }

    /** This set without any allocation the others hold. */
    public AllocSet difference(AllocSet... others) {
        AllocSet out = new AllocSet();
        outer:
        for (Map.Entry<String, Allocation> e : byId.entrySet()) {
            for (AllocSet o : others) {
                if (o.byId.containsKey(e.getKey())) {
                    continue outer;
                }
            }
            out.byId.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The allocations of this set with these IDs. */
    public AllocSet fromKeys(Collection<String> ids) {
        AllocSet out = new AllocSet();
        for (String id : ids) {
            Allocation a = byId.get(id);
            if (a != null) {
                out.byId.put(id, a);
            }
        }
        return out;
    }

    public Set<String> nameSet() {
        Set<String> names = new HashSet<>();
        for (Allocation a : byId.values()) {
            names.add(a.name);
        }
        return names;
    }

    /** The allocations by their name's index, lowest first (ID order among equal indexes). */
    public List<Allocation> nameOrder() {
        List<Allocation> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparingInt(Allocation::index));
        return out;
    }

    /** The allocations that are not terminal (Nomad's filterByTerminal). */
    public AllocSet nonTerminal() {
        AllocSet out = new AllocSet();
        for (Allocation a : byId.values()) {
            if (!a.terminalStatus()) {
                out.byId.put(a.id, a);
            }
        }
        return out;
    }

    /**
     * Splits the set by where its allocations run (Nomad's filterByTainted). Terminal
     * allocations are never moved; allocations asked to migrate are migrated wherever they are;
     * those on a node that is gone ({@code null} in {@code tainted}) or down are lost; the rest,
     * including those on draining nodes not yet marked for migration, stay.
     *
     * @param tainted the job's nodes that are down, draining or gone (mapped to null)
     */
    public Tainted filterByTainted(Map<String, Node> tainted) {
        AllocSet untainted = new AllocSet();
        AllocSet migrate = new AllocSet();
        AllocSet lost = new AllocSet();
        for (Allocation a : byId.values()) {
            if (a.terminalStatus()) {
                untainted.add(a);
            } else if (a.desiredTransition != null && a.desiredTransition.shouldMigrate()) {
                migrate.add(a);
            } else if (!tainted.containsKey(a.nodeId)) {
                untainted.add(a);
            } else {
                Node n = tainted.get(a.nodeId);
                if (n == null || n.terminalStatus()) {
                    lost.add(a);
                } else {
                    untainted.add(a);
                }
            }
        }
        return new Tainted(untainted, migrate, lost);
    }

    /** The three parts of {@link #filterByTainted}. */
    public record Tainted(AllocSet untainted, AllocSet migrate, AllocSet lost) {
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (Allocation a : byId.values()) {
            names.add(a.name);
        }
        return names.toString();
    }
}
