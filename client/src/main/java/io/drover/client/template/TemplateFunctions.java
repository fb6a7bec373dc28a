package io.drover.client.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The functions a template may call: Go's comparison and logic builtins ({@code eq}, {@code ne},
 * {@code not}, {@code and}, {@code or}, {@code len}) and the consul-template helpers that need
 * neither Consul nor Vault ({@code env}, {@code toUpper}, {@code toLower}, {@code toTitle},
 * {@code trimSpace}, {@code replaceAll}, {@code split}, {@code join}, {@code contains},
 * {@code in}, {@code parseBool}, {@code parseInt}). {@code env} reads the task's environment and
 * the node's attributes ({@code attr.*}, {@code meta.*}, {@code node.*}) as Nomad hands them to
 * consul-template, and is empty for anything else: Nomad masks the agent's own environment.
 *
 * <p>The functions that read Consul or Vault ({@code key}, {@code service}, {@code secret}, …)
 * are defined, so a template parses as it would under Nomad, but fail when called; the other
 * consul-template helpers this agent does not implement fail the parse.
 */
final class TemplateFunctions {
    /** consul-template's functions that query Consul or Vault. */
    static final Set<String> NEEDS_CONSUL_OR_VAULT = Set.of("datacenters", "key", "keyExists", "keyOrDefault", "ls",
            "safeLs", "node", "nodes", "secret", "secrets", "service", "connect", "services", "tree", "safeTree",
            "caRoots", "caLeaf");

    /** Functions Nomad's templates have that this agent does not implement. */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("file", "scratch", "base64Decode", "base64Encode",
            "base64URLDecode", "base64URLEncode", "byKey", "byTag", "containsAll", "containsAny", "containsNone",
            "containsNotAll", "executeTemplate", "explode", "explodeMap", "indent", "loop", "parseFloat", "parseJSON",
            "parseUint", "plugin", "regexReplaceAll", "regexMatch", "timestamp", "toJSON", "toJSONPretty", "toTOML",
            "toYAML", "byMeta", "sockaddr", "add", "subtract", "multiply", "divide", "modulo", "print", "printf",
            "println", "index", "slice", "call", "html", "js", "urlquery", "lt", "le", "gt", "ge");

    /** A function's body: the evaluated arguments in, its value out; a failure's message is Go's "error calling" text. */
    interface Body {
        Object apply(List<Object> args) throws FunctionException;
    }

    /** {@code arity} is the exact argument count, or -1 for "one or more". */
    record Definition(String name, int arity, Body body) {
    }

    /** What a function reports when it cannot produce a value. */
    static final class FunctionException extends Exception {
        private static final long serialVersionUID = 1L;

        FunctionException(String message) {
            super(message);
        }
    }

    private final Map<String, Definition> definitions;

    TemplateFunctions(Function<String, String> env) {
        Map<String, Definition> d = new java.util.HashMap<>();
        add(d, "env", 1, a -> {
            String v = env.apply(str(a, 0));
            return v == null ? "" : v;
        });
        add(d, "toUpper", 1, a -> str(a, 0).toUpperCase(Locale.ROOT));
        add(d, "toLower", 1, a -> str(a, 0).toLowerCase(Locale.ROOT));
        add(d, "toTitle", 1, a -> title(str(a, 0)));
        add(d, "trimSpace", 1, a -> str(a, 0).strip());
        add(d, "replaceAll", 3, a -> str(a, 2).replace(str(a, 0), str(a, 1)));
        add(d, "split", 2, a -> split(str(a, 0), str(a, 1)));
        add(d, "join", 2, a -> String.join(str(a, 0), strings(a.get(1))));
        add(d, "contains", 2, a -> in(a.get(1), a.get(0)));
        add(d, "in", 2, a -> in(a.get(0), a.get(1)));
        add(d, "parseBool", 1, a -> parseBool(str(a, 0)));
        add(d, "parseInt", 1, a -> parseInt(str(a, 0)));
        add(d, "eq", -1, TemplateFunctions::eq);
        add(d, "ne", 2, a -> !(Boolean) eq(a));
        add(d, "not", 1, a -> !TemplateValues.truth(a.get(0)));
        add(d, "and", -1, a -> {
            for (Object v : a.subList(0, a.size() - 1)) {
                if (!TemplateValues.truth(v)) {
                    return v;
                }
            }
            return a.get(a.size() - 1);
        });
        add(d, "or", -1, a -> {
            for (Object v : a.subList(0, a.size() - 1)) {
                if (TemplateValues.truth(v)) {
                    return v;
                }
            }
            return a.get(a.size() - 1);
        });
        add(d, "len", 1, a -> length(a.get(0)));
        for (String name : NEEDS_CONSUL_OR_VAULT) {
            add(d, name, -1, a -> {
                throw new FunctionException("function \"" + name + "\" needs Consul or Vault, which this node agent does not provide");
            });
        }
        this.definitions = Map.copyOf(d);
    }

    boolean defined(String name) {
        return definitions.containsKey(name);
    }

    boolean unsupported(String name) {
        return NOT_IMPLEMENTED.contains(name);
    }

    Definition get(String name) {
        return definitions.get(name);
    }

    private static void add(Map<String, Definition> d, String name, int arity, Body body) {
        d.put(name, new Definition(name, arity, body));
    }

    private static String str(List<Object> args, int i) throws FunctionException {
        Object v = args.get(i);
        if (v instanceof String s) {
            return s;
        }
        throw new FunctionException("wrong type for value; expected string; got " + TemplateValues.goType(v));
    }

    private static List<String> strings(Object v) throws FunctionException {
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        throw new FunctionException("wrong type for value; expected []string; got " + TemplateValues.goType(v));
    }

    /** consul-template's split: an empty (or blank) string is an empty list, not one empty element. */
    private static List<String> split(String sep, String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        if (sep.isEmpty()) {
            List<String> chars = new ArrayList<>();
            t.codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
            return chars;
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = t.indexOf(sep, from)) >= 0) {
            out.add(t.substring(from, at));
            from = at + sep.length();
        }
        out.add(t.substring(from));
        return out;
    }

    private static boolean in(Object list, Object v) throws FunctionException {
        if (list instanceof List<?> l) {
            return l.contains(v);
        }
        if (list instanceof String s && v instanceof String sub) {
            return s.contains(sub);
        }
        throw new FunctionException("in: unsupported type " + TemplateValues.goType(list));
    }

    private static boolean parseBool(String s) throws FunctionException {
        return switch (s) {
            case "" -> false;
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new FunctionException("parseBool: strconv.ParseBool: parsing \"" + s + "\": invalid syntax");
        };
    }

    private static long parseInt(String s) throws FunctionException {
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new FunctionException("parseInt: strconv.ParseInt: parsing \"" + s + "\": invalid syntax");
        }
    }

    /** Go's eq: the first argument equals any of the others; values of different kinds cannot be compared. */
    private static Object eq(List<Object> a) throws FunctionException {
        if (a.size() < 2) {
            throw new FunctionException("missing argument for comparison");
        }
        Object first = a.get(0);
        for (Object other : a.subList(1, a.size())) {
            if (first == null || other == null || first.getClass() != other.getClass() || first instanceof List) {
                throw new FunctionException("incompatible types for comparison");
            }
            if (first.equals(other)) {
                return true;
            }
        }
        return false;
    }

    private static long length(Object v) throws FunctionException {
        if (v instanceof String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        throw new FunctionException("len of type " + TemplateValues.goType(v));
    }

    /** Go's strings.Title: the first letter of each space-separated word in upper case. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start ? Character.toTitleCase(c) : c);
            start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
        }
        return out.toString();
    }
}
