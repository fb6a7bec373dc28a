package io.drover.model.json;

/**
 * The parts of Go's {@code url.Parse} Nomad relies on for HTTP check paths: whether a string
 * parses at all (control characters, a colon in a scheme-less first segment, bad percent escapes,
 * a bad port) and whether it is absolute, i.e. has a scheme.
 */
public final class GoUrl {
    /** The outcome of parsing: {@code valid} false means url.Parse returned an error. */
    public record Parsed(boolean valid, boolean absolute) {
    }

    private GoUrl() {
    }

    public static Parsed parse(String raw) {
        int hash = raw.indexOf('#');
        String u = hash < 0 ? raw : raw.substring(0, hash);
        String fragment = hash < 0 ? "" : raw.substring(hash + 1);
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return new Parsed(false, false);
            }
        }
        if (u.equals("*")) {
            return new Parsed(true, false);
        }
        String scheme = "";
        String rest = u;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    return new Parsed(false, false);
                }
                scheme = u.substring(0, i);
                rest = u.substring(i + 1);
            }
            break;
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new Parsed(validEscapes(fragment), true);
            }
            int colon = rest.indexOf(':');
            if (colon >= 0 && rest.substring(0, colon).indexOf('/') < 0) {
                return new Parsed(false, false);
            }
        }
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            rest = slash < 0 ? "" : rest.substring(slash);
            if (!validAuthority(authority)) {
                return new Parsed(false, !scheme.isEmpty());
            }
        }
        return new Parsed(validEscapes(rest) && validEscapes(fragment), !scheme.isEmpty());
    }

    private static boolean validAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String host = at < 0 ? authority : authority.substring(at + 1);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return false;
            }
            return validPort(host.substring(close + 1));
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !validPort(host.substring(colon))) {
            return false;
        }
        return validEscapes(host);
    }

    /** An empty string or a colon followed by digits. */
    private static boolean validPort(String port) {
        return port.isEmpty() || port.matches(":[0-9]*");
    }

    /** Whether every {@code %} starts a two-digit hex escape. */
    private static boolean validEscapes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '%') {
                if (i + 2 >= s.length()) {
                    return false;
                }
                if (Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }
}
