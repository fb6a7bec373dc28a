package io.drover.client.task;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a rendered template with {@code Envvars} as hashicorp/go-envparse does: one
 * {@code KEY=value} a line, blank lines and {@code #} comments skipped, an optional
 * {@code export } prefix, keys of {@code [A-Za-z_][A-Za-z0-9_.]*}, values trimmed, with
 * {@code '…'} taken literally, {@code "…"} with JSON-like escapes, and a {@code #} outside
 * quotes ending the value.
 */
final class EnvFile {
    private EnvFile() {
    }

    /** @throws IllegalArgumentException {@code error on line N: …}, as go-envparse reports it */
    static Map<String, String> parse(String text) {
        Map<String, String> vars = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            if (n == lines.length - 1 && lines[n].isEmpty()) {
                break;
            }
            try {
                line(lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n], vars);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("error on line " + (n + 1) + ": " + e.getMessage());
            }
        }
        return vars;
    }

    private static void line(String raw, Map<String, String> vars) {
        String ln = raw.strip();
        if (ln.isEmpty() || ln.startsWith("#")) {
            return;
        }
        int eq = ln.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("missing =");
        }
        String key = ln.substring(0, eq).strip();
        if (key.length() > "export ".length() && key.startsWith("export ")) {
            key = key.substring("export ".length());
        }
        checkKey(key);
        vars.put(key, value(ln.substring(eq + 1).strip()));
    }

    private static void checkKey(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
        char first = key.charAt(0);
        if (!(Character.isLetter(first) && first < 128) && first != '_') {
            throw new IllegalArgumentException("key must start with [A-Za-z_] but found '" + first + "'");
        }
        for (char c : key.substring(1).toCharArray()) {
            boolean ok = c == '_' || c == '.' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!ok) {
                throw new IllegalArgumentException("key characters must be [A-Za-z0-9_.] but found '" + c + "'");
            }
        }
    }

    private static String value(String v) {
        StringBuilder out = new StringBuilder();
        int significant = 0;
        char quote = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 32) {
                throw new IllegalArgumentException(String.format("0x%02x is an invalid value character", (int) c));
            }
            if (quote == 0) {
                if (c == '"' || c == '\'') {
                    quote = c;
                    continue;
                }
                if (c == '#') {
                    return out.substring(0, significant);
                }
                out.append(c);
                if (c != ' ' && c != '\t') {
                    significant = out.length();
                }
            } else if (c == quote) {
                quote = 0;
            } else if (quote == '"' && c == '\\') {
                if (++i >= v.length()) {
                    throw new IllegalArgumentException("incomplete escape sequence");
                }
                i = escape(v, i, out);
                significant = out.length();
            } else {
                out.append(c);
                significant = out.length();
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unmatched " + quote);
        }
        return out.toString();
    }

    /** Appends the escape at {@code v[i]}; returns the index of its last character. */
    private static int escape(String v, int i, StringBuilder out) {
        char e = v.charAt(i);
        switch (e) {
            case '"', '\\', '/' -> out.append(e);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'r' -> out.append('\r');
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'u' -> {
                if (i + 5 > v.length()) {
                    throw new IllegalArgumentException("incomplete hex sequence");
                }
                try {
                    out.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("incomplete hex sequence");
                }
                return i + 4;
            }
            default -> throw new IllegalArgumentException("invalid escape sequence: \"" + e + "\"");
        }
        return i;
    }
}
