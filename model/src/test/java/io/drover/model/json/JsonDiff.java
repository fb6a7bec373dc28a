package io.drover.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Describes the first difference between two JSON trees, or returns null. Struct objects must
 * have the same keys in the same order (Nomad's field order); Go maps (driver config, meta,
 * env ...) are compared without order, as Go writes them in random order.
 */
public final class JsonDiff {
    private static final Set<String> GO_MAPS = Set.of("Config", "Meta", "Env", "GetterOptions", "Header",
            "Target", "Policy", "Volumes", "CanaryMeta", "Summary");

    private JsonDiff() {
    }

    public static String firstDifference(JsonNode expected, JsonNode actual) {
        return diff("$", expected, actual, false);
    }

    private static String diff(String path, JsonNode e, JsonNode a, boolean unordered) {
        if (e.isObject() && a.isObject()) {
            List<String> ek = names(e);
            List<String> ak = names(a);
            if (unordered ? !Set.copyOf(ek).equals(Set.copyOf(ak)) : !ek.equals(ak)) {
                return path + ": keys " + ek + " but got " + ak;
            }
            for (String k : ek) {
                String d = diff(path + "." + k, e.get(k), a.get(k), GO_MAPS.contains(k));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e.isArray() && a.isArray()) {
            if (e.size() != a.size()) {
                return path + ": " + e.size() + " elements but got " + a.size();
            }
            for (int i = 0; i < e.size(); i++) {
                String d = diff(path + "[" + i + "]", e.get(i), a.get(i), false);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (e.isNumber() && a.isNumber()) {
            return e.decimalValue().compareTo(a.decimalValue()) == 0 ? null : path + ": " + e + " but got " + a;
        }
        return e.equals(a) ? null : path + ": " + e + " but got " + a;
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
