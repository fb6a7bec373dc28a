package io.drover.model.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's slash-path functions ({@code path.Clean}, {@code path.Base}, {@code filepath.Join},
 * {@code filepath.Rel}) as Nomad uses them for artifact, template and payload destinations on a
 * Unix server. Nomad's answer to "does this path escape the allocation directory" depends on
 * their exact behaviour, including quirks such as a file named {@code ..x} counting as an escape.
 */
public final class GoPaths {
    private static final String ALLOC_DIR = "/alloc-dir/alloc-id";

    private GoPaths() {
    }

    /** {@code path.Clean}: the shortest equivalent path, "." for an empty one. */
    static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : p.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** {@code path.Base}: the last element, "." for an empty path and "/" for only slashes. */
    public static String base(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "/";
        }
        String trimmed = p.substring(0, end);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** {@code filepath.Join}: the non-empty elements joined by "/" and cleaned; "" if all are empty. */
    public static String join(String... elems) {
        List<String> parts = new ArrayList<>();
        for (String e : elems) {
            if (!e.isEmpty()) {
                parts.add(e);
            }
        }
        return parts.isEmpty() ? "" : clean(String.join("/", parts));
    }

    /** {@code filepath.Rel} of two clean absolute paths. */
    static String rel(String base, String target) {
        if (base.equals(target)) {
            return ".";
        }
        String[] b = base.equals("/") ? new String[0] : base.substring(1).split("/");
        String[] t = target.equals("/") ? new String[0] : target.substring(1).split("/");
        int common = 0;
        while (common < b.length && common < t.length && b[common].equals(t[common])) {
            common++;
        }
        List<String> parts = new ArrayList<>();
        for (int i = common; i < b.length; i++) {
            parts.add("..");
        }
        for (int i = common; i < t.length; i++) {
            parts.add(t[i]);
        }
        return String.join("/", parts);
    }

    /** Nomad's PathEscapesAllocDir: whether {@code prefix/path} leaves the allocation directory. */
    public static boolean escapesAllocDir(String prefix, String path) {
        String abs = clean(join(ALLOC_DIR, prefix, path));
        return rel(ALLOC_DIR, abs).startsWith("..");
    }
}
