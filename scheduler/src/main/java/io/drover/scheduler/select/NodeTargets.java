package io.drover.scheduler.select;

import io.drover.model.node.Node;

/**
 * Resolves a constraint, affinity or spread target against a node (Nomad's
 * {@code resolveTarget} and {@code getProperty}). A target not starting with {@code ${} is a
 * literal; {@code ${node.unique.id}}, {@code ${node.datacenter}}, {@code ${node.unique.name}},
 * {@code ${node.class}}, {@code ${attr.<key>}} and {@code ${meta.<key>}} are read from the
 * node; anything else is not found.
 */
final class NodeTargets {
    private NodeTargets() {
    }

    /** The value of {@code target} on {@code node}, or {@code null} when not found. */
    static String resolve(String target, Node node) {
        if (target == null) {
            // Go's zero string is a literal "".
            return "";
        }
        if (!target.startsWith("${")) {
            return target;
        }
        switch (target) {
            case "${node.unique.id}":
                return node.id;
            case "${node.datacenter}":
                return node.datacenter;
            case "${node.unique.name}":
                return node.name;
            case "${node.class}":
                return node.nodeClass;
            default:
                break;
        }
        if (target.startsWith("${attr.")) {
            return node.attributes == null ? null : node.attributes.get(trim(target, "${attr."));
        }
        if (target.startsWith("${meta.")) {
            return node.meta == null ? null : node.meta.get(trim(target, "${meta."));
        }
        return null;
    }

    /** Nomad's getProperty: the node's value of a property, or null for no node, no property or no value. */
    static String property(Node node, String property) {
        if (node == null || property == null || property.isEmpty()) {
            return null;
        }
        return resolve(property, node);
    }

    private static String trim(String target, String prefix) {
        String key = target.substring(prefix.length());
        return key.endsWith("}") ? key.substring(0, key.length() - 1) : key;
    }
}
