package io.drover.model.node;

import io.drover.model.json.GoStrconv;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Nomad's port list syntax ({@code ParsePortRanges}): comma-separated ports and inclusive
 * {@code low-high} ranges, e.g. {@code 10,12-14,16}. Duplicates collapse; the result is sorted.
 *
 * <p>One deviation keeps a hostile list from exhausting memory: every number above the last
 * valid port is reported as {@link #OUT_OF_RANGE} (65536), so {@code 65530-4000000000} yields
 * 65530..65536. Nomad's only consumer, the network index, treats any port of 65536 or more the
 * same way: as a collision once the valid ports before it are marked.
 */
public final class PortRanges {
    /** The first number that is not a valid port; stands for every larger number too. */
    public static final int OUT_OF_RANGE = 65536;

    private PortRanges() {
    }

    /** The ports of {@code spec}; empty for "". Throws {@link IllegalArgumentException} with Nomad's message when malformed. */
    public static List<Integer> parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> ports = new TreeSet<>();
        for (String raw : spec.split(",", -1)) {
            String part = raw.strip();
            String[] bounds = part.split("-", -1);
            switch (bounds.length) {
                case 1 -> {
                    if (bounds[0].isEmpty()) {
                        throw new IllegalArgumentException("can't specify empty port");
                    }
                    ports.add(port(bounds[0]));
                }
                case 2 -> {
                    int start = port(bounds[0]);
                    int end = port(bounds[1]);
                    if (end < start) {
                        throw new IllegalArgumentException("invalid range: starting value (" + end
                                + ") less than ending (" + start + ") value");
                    }
                    for (int p = start; p <= end; p++) {
                        ports.add(p);
                    }
                }
                default -> throw new IllegalArgumentException(
                        "can only parse single port numbers or port ranges (ex. 80,100-120,150)");
            }
        }
        return new ArrayList<>(ports);
    }

    /** One number of the list, as Go's {@code strconv.ParseUint(s, 10, 0)} reads it, capped at {@link #OUT_OF_RANGE}. */
    private static int port(String digits) {
        String error = GoStrconv.parseUintError(digits, 10, 64);
        if (error != null) {
            throw new IllegalArgumentException(error);
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > 6 ? OUT_OF_RANGE : Math.min(Integer.parseInt(significant), OUT_OF_RANGE);
    }
}
