package io.drover.model.node;

import io.drover.model.Constraint;
import io.drover.model.json.GoZero;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's computed class (Nomad's {@code ComputeClass}): nodes with the same class are
 * interchangeable for feasibility, so the scheduler checks one node per class. The class covers
 * exactly what Nomad's {@code HashInclude} rules cover: datacenter, node class, attributes and
 * meta (without keys under {@code unique.}), and each device group's vendor, type, name and
 * non-unique attributes. CPU, memory, disk, networks, IDs and names are left out.
 *
 * <p>The value is {@code v1:} and an unsigned decimal 64-bit hash, as Nomad's, but the hash is
 * Drover's own: FNV-1a 64 over a canonical encoding of those fields (maps in key order, each
 * string length-prefixed, each optional value tagged). It is stable across runs, JVMs and
 * servers, which is all a class needs; it does not equal the number Nomad's hashstructure
 * library would compute for the same node.
 */
public final class NodeClass {
    /** Keys under this prefix identify one node and never count toward its class. */
    public static final String UNIQUE_NAMESPACE = "unique.";

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private NodeClass() {
    }

    public static boolean isUniqueNamespace(String key) {
        return key.startsWith(UNIQUE_NAMESPACE);
    }

    /** The computed class of {@code node}, {@code v1:<hash>}. */
    public static String compute(Node node) {
        Hasher h = new Hasher();
        h.string("Datacenter").string(GoZero.str(node.datacenter));
        h.string("Attributes").map(node.attributes);
        h.string("Meta").map(node.meta);
        h.string("NodeClass").string(GoZero.str(node.nodeClass));
        h.string("Devices");
        List<NodeDeviceResource> devices = node.nodeResources == null ? null : node.nodeResources.devices;
        h.number(GoZero.list(devices).size());
        for (NodeDeviceResource d : GoZero.list(devices)) {
            if (d == null) {
                h.number(-1);
                continue;
            }
            h.string(GoZero.str(d.vendor)).string(GoZero.str(d.type)).string(GoZero.str(d.name));
            Map<String, DeviceAttribute> attrs = new TreeMap<>();
            if (d.attributes != null) {
                d.attributes.forEach((k, v) -> {
                    if (!isUniqueNamespace(k)) {
                        attrs.put(k, v);
                    }
                });
            }
            h.number(attrs.size());
            attrs.forEach((k, v) -> {
                h.string(k);
                h.attribute(v);
            });
        }
        return "v1:" + Long.toUnsignedString(h.value);
    }

    /**
     * Nomad's EscapedConstraints: the constraints that look at unique node fields
     * ({@code ${node.unique.*}}, {@code ${attr.unique.*}}, {@code ${meta.unique.*}}), which a
     * computed class cannot answer for all nodes of the class.
     */
    public static List<Constraint> escapedConstraints(List<Constraint> constraints) {
        List<Constraint> escaped = new ArrayList<>();
        for (Constraint c : GoZero.list(constraints)) {
            if (targetEscapes(c.lTarget) || targetEscapes(c.rTarget)) {
                escaped.add(c);
            }
        }
        return escaped;
    }

    private static boolean targetEscapes(String target) {
        return target != null && (target.startsWith("${node.unique.") || target.startsWith("${attr.unique.")
                || target.startsWith("${meta.unique."));
    }

    /** FNV-1a 64 over a self-delimiting encoding. */
    private static final class Hasher {
        long value = FNV_OFFSET;

        Hasher bytes(byte[] b) {
            for (byte x : b) {
                value ^= x & 0xff;
                value *= FNV_PRIME;
            }
            return this;
        }

        Hasher number(long n) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                value ^= (n >>> shift) & 0xff;
                value *= FNV_PRIME;
            }
            return this;
        }

        Hasher string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return number(b.length).bytes(b);
        }

        /** A string map without its unique keys, in key order; null and empty hash alike, as in Go. */
        Hasher map(Map<String, String> m) {
            TreeMap<String, String> sorted = new TreeMap<>();
            if (m != null) {
                m.forEach((k, v) -> {
                    if (!isUniqueNamespace(k)) {
                        sorted.put(k, v);
                    }
                });
            }
            number(sorted.size());
            sorted.forEach((k, v) -> string(k).string(GoZero.str(v)));
            return this;
        }

        void attribute(DeviceAttribute a) {
            if (a == null) {
                number(-1);
                return;
            }
            optional(a.floatValue == null ? null : Double.doubleToLongBits(a.floatValue));
            optional(a.intValue);
            if (a.stringValue == null) {
                number(0);
            } else {
                number(1).string(a.stringValue);
            }
            optional(a.boolValue == null ? null : a.boolValue ? 1L : 0L);
            string(GoZero.str(a.unit));
        }

        private void optional(Long v) {
            if (v == null) {
                number(0);
            } else {
                number(1).number(v);
            }
        }
    }
}
