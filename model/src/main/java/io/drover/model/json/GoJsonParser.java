package io.drover.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value the way Go's {@code json.Decoder.Decode} reads a request body into a Go
 * type: syntax errors with the scanner's texts, then the first type mismatch in document order
 * with {@code UnmarshalTypeError}'s text. It yields a tree Jackson can bind without surprises:
 * keys renamed to the field names Go matched (Go matches case-insensitively), unknown keys
 * dropped, values Go would reject never present, duplicate objects merged as Go merges them.
 *
 * <p>Not thread-safe; one instance reads one body.
 */
final class GoJsonParser {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Go allows 10000 levels; Jackson, which stores and writes jobs, allows 1000, and a deep
     * recursive parse would exhaust a thread's stack first. Job specs need a handful.
     */
    private static final int MAX_DEPTH = 500;
    /**
     * Go has no bound here, but a body's bytes bound it poorly: a value takes two or three bytes
     * to write and a hundred or more once decoded, so a 4 MiB body of empty lists took a hundred
     * megabytes of heap, and a few such bodies at once all of it. A job is tens of values per
     * group; this allows thousands of groups.
     */
    static final int MAX_VALUES = 200_000;

    private final byte[] in;
    private int pos;
    /** Go's errorContext: the struct whose field is being decoded and the path of field names. */
    private String contextStruct;
    private final List<String> fieldStack = new ArrayList<>();
    /** The first type error, reported only if the whole value is syntactically valid. */
    private String typeError;
    /** Open objects and arrays; bounded so a hostile body cannot exhaust the stack. */
    private int depth;
    /** Values read so far, of any kind. */
    private int values;

    /** A syntax error or unexpected end, already worded as Go words it. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    private GoJsonParser(byte[] in) {
        this.in = in;
    }

    /**
     * Parses {@code body} as a value of {@code type}. Returns the tree to bind, or throws with the
     * message Go's decoder would return.
     */
    static JsonNode parse(byte[] body, GoTypeInfo type) throws SyntaxError {
        GoJsonParser p = new GoJsonParser(body);
        p.skipSpace();
        if (p.pos == body.length) {
            throw new SyntaxError("EOF");
        }
        boolean compound = body[p.pos] == '{' || body[p.pos] == '[';
        JsonNode tree = p.value(type);
        if (!compound && p.pos < body.length && !isSpace(body[p.pos])) {
            // Go's decoder reads a scalar up to the next byte, which must end the value.
            throw p.invalid(body[p.pos], "after top-level value");
        }
        if (p.typeError != null) {
            throw new SyntaxError(p.typeError);
        }
        return tree;
    }

    private JsonNode value(GoTypeInfo type) throws SyntaxError {
        skipSpace();
        byte c = peek();
        if (++values > MAX_VALUES) {
            throw new SyntaxError("too many JSON values in request body (more than " + MAX_VALUES + ")");
        }
        if ((c == '{' || c == '[') && ++depth > MAX_DEPTH) {
            // Go (1.15 and later) refuses too-deep bodies with this text.
            throw new SyntaxError("exceeded max depth");
        }
        JsonNode v = switch (c) {
            case '{' -> object(type);
            case '[' -> array(type);
            case '"' -> stringValue(type);
            case 't' -> literal("true", type);
            case 'f' -> literal("false", type);
            case 'n' -> literal("null", type);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number(type);
                }
                throw invalid(c, "looking for beginning of value");
            }
        };
        if (c == '{' || c == '[') {
            depth--;
        }
        return v;
    }

    private JsonNode object(GoTypeInfo type) throws SyntaxError {
        pos++;
        boolean ok = type.kind == GoTypeInfo.Kind.STRUCT || type.kind == GoTypeInfo.Kind.MAP
                || type.kind == GoTypeInfo.Kind.ANY;
        if (!ok) {
            mismatch("object", type);
        }
        ObjectNode node = NODES.objectNode();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return ok ? node : null;
        }
        while (true) {
            skipSpace();
            byte c = peek();
            if (c != '"') {
                throw invalid(c, "looking for beginning of object key string");
            }
            String key = string();
            skipSpace();
            c = peek();
            if (c != ':') {
                throw invalid(c, "after object key");
            }
            pos++;
            member(node, key, ok ? type : null);
            skipSpace();
            c = peek();
            if (c == ',') {
                pos++;
                continue;
            }
            if (c == '}') {
                pos++;
                return ok ? node : null;
            }
            throw invalid(c, "after object key:value pair");
        }
    }

    /** Reads one member's value into {@code node}, as the field or map entry Go would fill. */
    private void member(ObjectNode node, String key, GoTypeInfo owner) throws SyntaxError {
        if (owner == null) {
            value(GoTypeInfo.of(Object.class, null));
            return;
        }
        if (owner.kind == GoTypeInfo.Kind.ANY) {
            node.set(key, value(owner));
            return;
        }
        if (owner.kind == GoTypeInfo.Kind.MAP) {
            put(node, key, zeroIfNull(value(owner.element()), owner.element()));
            return;
        }
        GoTypeInfo.FieldInfo field = owner.field(key);
        if (field == null) {
            // Go ignores keys that match no field.
            value(GoTypeInfo.of(Object.class, null));
            return;
        }
        String savedStruct = contextStruct;
        int depth = fieldStack.size();
        fieldStack.add(field.name());
        contextStruct = owner.structName;
        JsonNode v = value(field.type());
        fieldStack.subList(depth, fieldStack.size()).clear();
        contextStruct = savedStruct;
        put(node, field.name(), v);
    }

    /**
     * A map value or slice element is decoded into a fresh zero value, on which Go's null does
     * nothing: a string, number or bool stays "", 0 or false (pointers, slices, maps and
     * {@code interface{}} stay nil). Binding the null would hand the routes a null Go never has.
     */
    private static JsonNode zeroIfNull(JsonNode v, GoTypeInfo type) {
        if (v == null || !v.isNull()) {
            return v;
        }
        return switch (type.kind) {
            case STRING -> NODES.textNode("");
            case INT -> NODES.numberNode(0L);
            case BOOL -> NODES.booleanNode(false);
            default -> v;
        };
    }

    /** Go decodes a repeated object key into the struct or map it already filled; anything else is replaced. */
    private static void put(ObjectNode node, String key, JsonNode v) {
        JsonNode existing = node.get(key);
        if (existing instanceof ObjectNode prev && v instanceof ObjectNode next) {
            merge(prev, next);
        } else if (v != null) {
            node.set(key, v);
        } else if (existing == null) {
            node.putNull(key);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            put(into, e.getKey(), e.getValue());
        }
    }

    private JsonNode array(GoTypeInfo type) throws SyntaxError {
        pos++;
        boolean ok = type.kind == GoTypeInfo.Kind.SLICE || type.kind == GoTypeInfo.Kind.ANY;
        if (!ok) {
            mismatch("array", type);
        }
        GoTypeInfo elem = !ok ? GoTypeInfo.of(Object.class, null)
                : type.kind == GoTypeInfo.Kind.ANY ? type : type.element();
        ArrayNode node = NODES.arrayNode();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return ok ? node : null;
        }
        while (true) {
            JsonNode v = value(elem);
            node.add(v == null ? NODES.nullNode() : zeroIfNull(v, elem));
            skipSpace();
            byte c = peek();
            if (c == ',') {
                pos++;
                continue;
            }
            if (c == ']') {
                pos++;
                return ok ? node : null;
            }
            throw invalid(c, "after array element");
        }
    }

    private JsonNode stringValue(GoTypeInfo type) throws SyntaxError {
        int start = pos;
        String s = string();
        switch (type.kind) {
            case STRING, ANY:
                return NODES.textNode(s);
            case BYTES:
                try {
                    return NODES.binaryNode(GoBase64.decode(rawStringBytes(start)));
                } catch (GoBase64.CorruptInput e) {
                    saveError(e.getMessage());
                    return null;
                }
            default:
                mismatch("string", type);
                return null;
        }
    }

    private JsonNode literal(String word, GoTypeInfo type) throws SyntaxError {
        pos++;
        for (int i = 1; i < word.length(); i++) {
            byte c = peek();
            if (c != word.charAt(i)) {
                throw invalid(c, "in literal " + word + " (expecting '" + word.charAt(i) + "')");
            }
            pos++;
        }
        if (word.equals("null")) {
            // Go leaves the field as it was (nil for pointers, slices and maps).
            return NODES.nullNode();
        }
        if (type.kind == GoTypeInfo.Kind.BOOL || type.kind == GoTypeInfo.Kind.ANY) {
            return NODES.booleanNode(word.equals("true"));
        }
        mismatch("bool", type);
        return null;
    }

    private JsonNode number(GoTypeInfo type) throws SyntaxError {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        byte c = peek();
        if (c == '0') {
            pos++;
        } else if (c >= '1' && c <= '9') {
            while (pos < in.length && isDigit(in[pos])) {
                pos++;
            }
        } else {
            throw invalid(c, "in numeric literal");
        }
        if (pos < in.length && in[pos] == '.') {
            pos++;
            c = peek();
            if (!isDigit(c)) {
                throw invalid(c, "after decimal point in numeric literal");
            }
            while (pos < in.length && isDigit(in[pos])) {
                pos++;
            }
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            c = peek();
            if (c == '+' || c == '-') {
                pos++;
                c = peek();
            }
            if (!isDigit(c)) {
                throw invalid(c, "in exponent of numeric literal");
            }
            while (pos < in.length && isDigit(in[pos])) {
                pos++;
            }
        }
        String literal = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        return switch (type.kind) {
            case INT -> integer(literal, type);
            case ANY -> floatValue(literal);
            default -> {
                mismatch("number", type);
                yield null;
            }
        };
    }

    private JsonNode integer(String literal, GoTypeInfo type) {
        boolean unsigned = type.min >= 0;
        boolean plain = literal.matches(unsigned ? "[0-9]+" : "-?[0-9]+");
        if (plain) {
            BigInteger v = new BigInteger(literal);
            if (v.compareTo(BigInteger.valueOf(type.min)) >= 0 && v.compareTo(BigInteger.valueOf(type.max)) <= 0) {
                return NODES.numberNode(v.longValue());
            }
        }
        mismatch("number " + literal, type);
        return null;
    }

    /** Go decodes a number into {@code interface{}} as a float64, so it keeps only what a float64 holds. */
    private JsonNode floatValue(String literal) {
        double d = Double.parseDouble(literal);
        if (Double.isInfinite(d)) {
            mismatch("number " + literal, GoTypeInfo.of(Object.class, "float64"), "float64");
            return null;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            // Go writes such floats without a fraction; an integer node keeps that spelling.
            BigInteger exact = new BigDecimal(d).toBigIntegerExact();
            return exact.bitLength() < 64 ? NODES.numberNode(exact.longValue()) : NODES.numberNode(exact);
        }
        return NODES.numberNode(d);
    }

    /** Reads a string literal at {@code pos} and returns its value, with Go's decoding of escapes and bad UTF-8. */
    private String string() throws SyntaxError {
        pos++;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        while (true) {
            byte c = peek();
            if (c == '"') {
                pos++;
                flush(raw, out);
                return out.toString();
            }
            if (c == '\\') {
                pos++;
                byte e = peek();
                pos++;
                switch (e) {
                    case 'b' -> raw.write('\b');
                    case 'f' -> raw.write('\f');
                    case 'n' -> raw.write('\n');
                    case 'r' -> raw.write('\r');
                    case 't' -> raw.write('\t');
                    case '\\', '/', '"' -> raw.write(e);
                    case 'u' -> {
                        flush(raw, out);
                        unicodeEscape(out);
                    }
                    default -> throw invalid(e, "in string escape code");
                }
                continue;
            }
            if ((c & 0xff) < 0x20) {
                throw invalid(c, "in string literal");
            }
            raw.write(c);
            pos++;
        }
    }

    private void unicodeEscape(StringBuilder out) throws SyntaxError {
        int r = hex4();
        if (Character.isHighSurrogate((char) r) && pos + 1 < in.length && in[pos] == '\\' && in[pos + 1] == 'u') {
            int save = pos;
            pos += 2;
            int r2 = hex4();
            if (Character.isLowSurrogate((char) r2)) {
                out.append((char) r).append((char) r2);
                return;
            }
            // Not a pair: Go replaces the first half and reads the second escape on its own.
            pos = save;
            out.append('\ufffd');
            return;
        }
        out.append(Character.isSurrogate((char) r) ? '\ufffd' : (char) r);
    }

    private int hex4() throws SyntaxError {
        int r = 0;
        for (int i = 0; i < 4; i++) {
            byte c = peek();
            int d = Character.digit(c & 0xff, 16);
            if (d < 0 || (c & 0xff) > 0x7f) {
                throw invalid(c, "in \\u hexadecimal character escape");
            }
            r = r * 16 + d;
            pos++;
        }
        return r;
    }

    /** Appends raw UTF-8 bytes as text; invalid sequences become U+FFFD, as Go's decoder does. */
    private static void flush(ByteArrayOutputStream raw, StringBuilder out) {
        if (raw.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(raw.toByteArray())));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacing decoder threw", e);
        }
        raw.reset();
    }

    /** The unquoted bytes of the string literal starting at {@code start}, for base64. */
    private byte[] rawStringBytes(int start) {
        GoJsonParser again = new GoJsonParser(in);
        again.pos = start;
        try {
            return again.string().getBytes(StandardCharsets.UTF_8);
        } catch (SyntaxError e) {
            throw new IllegalStateException("string parsed once already", e);
        }
    }

    private void mismatch(String what, GoTypeInfo type) {
        mismatch(what, type, type.display);
    }

    private void mismatch(String what, GoTypeInfo type, String display) {
        if (contextStruct != null || !fieldStack.isEmpty()) {
            saveError("json: cannot unmarshal " + what + " into Go struct field " + contextStruct + "."
                    + String.join(".", fieldStack) + " of type " + display);
        } else {
            saveError("json: cannot unmarshal " + what + " into Go value of type " + display);
        }
    }

    private void saveError(String message) {
        if (typeError == null) {
            typeError = message;
        }
    }

    private byte peek() throws SyntaxError {
        if (pos >= in.length) {
            throw new SyntaxError("unexpected EOF");
        }
        return in[pos];
    }

    private void skipSpace() {
        while (pos < in.length && isSpace(in[pos])) {
            pos++;
        }
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private SyntaxError invalid(byte c, String context) {
        return new SyntaxError("invalid character " + quoteChar(c) + " " + context);
    }

    /** Go's quoteChar: the byte as a rune, quoted with single quotes. */
    static String quoteChar(byte b) {
        int c = b & 0xff;
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String q = GoFmt.quote(String.valueOf((char) c));
        return "'" + q.substring(1, q.length() - 1) + "'";
    }
}
