package io.drover.hcl;

import io.drover.hcl.HclToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * HCL1's grammar over {@link HclScanner}'s tokens: a file is an object's items; an item is
 * {@code key = value} or {@code key "label"... { items }}; items need no separator, so several
 * fit on one line, and a comma between them is allowed. Errors carry HCL1's wording.
 */
public final class HclParser {
    /**
     * How deep objects and lists may nest. Parsing recurses once per level, so without a bound a
     * file of nested braces exhausts the thread's stack. A block's labels count as levels, as each
     * becomes one once decoded (a driver's {@code config} turns each into a nested object). Nomad's
     * job files need about ten; at 200, a parsed job stays within what a JSON body may nest (500
     * levels), so what parses can be registered.
     */
    static final int MAX_DEPTH = 200;
    /**
     * As a JSON body's (see the model's JSON decoder): a value written in two bytes costs a hundred
     * or more parsed, and the file is bounded only by the body's 4 MiB.
     */
    static final int MAX_VALUES = 200_000;

    private final HclScanner scanner;
    private HclToken tok;
    private HclToken pushedBack;
    /** Levels open at the current token. */
    private int depth;
    /** Literals, lists and objects read so far. */
    private int values;
    /** The parse failed for going past a bound: too deep or too many values. */
    private boolean overBound;

    private HclParser(String src) {
        this.scanner = new HclScanner(src);
    }

    /** Parses a whole source into its top-level object. */
    public static HclNode.ObjectValue parse(String src) throws HclSyntaxException {
        // As HCL1: Windows line endings are read as plain newlines.
        HclParser p = new HclParser(src.replace("\r\n", "\n"));
        return new HclNode.ObjectValue(p.objectList(false), new HclPos(1, 1));
    }

    private HclToken scan() throws HclSyntaxException {
        if (pushedBack != null) {
            tok = pushedBack;
            pushedBack = null;
        } else {
            tok = scanner.next();
        }
        return tok;
    }

    private void unscan() {
        pushedBack = tok;
    }

    /**
     * Items up to the end of the source, or of the enclosing braces. As HCL1, a source that ends
     * where an item or a value should start simply ends the list: the enclosing object, if any,
     * then reports its missing closing brace.
     */
    private List<HclNode.Item> objectList(boolean nested) throws HclSyntaxException {
        List<HclNode.Item> items = new ArrayList<>();
        while (true) {
            HclToken t = scan();
            unscan();
            if (nested && t.kind() == Kind.RBRACE) {
                return items;
            }
            HclNode.Item item = objectItem();
            if (item == null) {
                return items;
            }
            items.add(item);
            if (scan().kind() != Kind.COMMA) {
                unscan();
            }
        }
    }

    /** One item, or null when the source ends before it (or before its value). */
    private HclNode.Item objectItem() throws HclSyntaxException {
        List<String> keys = new ArrayList<>();
        List<String> rawKeys = new ArrayList<>();
        List<HclPos> positions = new ArrayList<>();
        while (true) {
            HclToken t = scan();
            switch (t.kind()) {
                case IDENT, STRING -> {
                    positions.add(t.pos());
                    keys.add(t.text());
                    rawKeys.add(t.raw());
                }
                case ASSIGN -> {
                    if (keys.size() > 1) {
                        throw new HclSyntaxException(t.pos(), "nested object expected: LBRACE got: ASSIGN");
                    }
                    if (keys.isEmpty()) {
                        throw new HclSyntaxException(t.pos(), "no object keys found!");
                    }
                    HclNode value = value();
                    return value == null ? null : new HclNode.Item(keys, positions, true, value);
                }
                case LBRACE -> {
                    if (keys.isEmpty()) {
                        throw new HclSyntaxException(t.pos(), "expected: IDENT | STRING got: LBRACE");
                    }
                    return new HclNode.Item(keys, positions, false, objectRest(t.pos(), keys.size()));
                }
                case EOF, RBRACE -> {
                    if (keys.isEmpty()) {
                        if (t.kind() == Kind.EOF) {
                            return null;
                        }
                        throw new HclSyntaxException(t.pos(), "expected: IDENT | STRING | ASSIGN | LBRACE got: RBRACE");
                    }
                    // Keys without a value: HCL1 names them as written.
                    throw new HclSyntaxException(t.pos(), "key '" + String.join(" ", rawKeys)
                            + "' expected start of object ('{') or assignment ('=')");
                }
                default -> throw new HclSyntaxException(t.pos(),
                        "expected: IDENT | STRING | ASSIGN | LBRACE got: " + t.describe());
            }
        }
    }

    /** The value after {@code =}, or null at the end of the source. */
    private HclNode value() throws HclSyntaxException {
        HclToken t = scan();
        return switch (t.kind()) {
            case STRING, HEREDOC, NUMBER, FLOAT, BOOL -> literal(t);
            case LBRACE -> objectRest(t.pos(), 1);
            case LBRACK -> listRest(t.pos());
            case EOF -> null;
            default -> throw new HclSyntaxException(t.pos(), "Unknown token: " + t.goString());
        };
    }

    /**
     * The rest of an object whose opening brace is at {@code pos}.
     *
     * @param levels how many levels it opens: 1, or a block's key and labels
     */
    private HclNode.ObjectValue objectRest(HclPos pos, int levels) throws HclSyntaxException {
        enter(pos, levels);
        List<HclNode.Item> items = objectList(true);
        HclToken t = scan();
        if (t.kind() != Kind.RBRACE) {
            throw new HclSyntaxException(t.pos(), "object expected closing RBRACE got: " + t.describe());
        }
        depth -= levels;
        return new HclNode.ObjectValue(items, pos);
    }

    /** Opens {@code levels} levels at {@code pos}, refusing to go past {@link #MAX_DEPTH}. */
    private void enter(HclPos pos, int levels) throws HclSyntaxException {
        counted(pos);
        depth += levels;
        if (depth > MAX_DEPTH) {
            overBound = true;
            throw new HclSyntaxException(pos, "nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    /**
     * Whether the parse is failing for going past a bound: that error is about the whole file and
     * is not wrapped once per enclosing list, as HCL1 wraps other errors inside lists (which would
     * repeat the wrapping text a hundred times).
     */
    private boolean overBound() {
        return overBound;
    }

    private HclNode.ListValue listRest(HclPos pos) throws HclSyntaxException {
        enter(pos, 1);
        List<HclNode> elements = new ArrayList<>();
        boolean needComma = false;
        while (true) {
            HclToken t = scan();
            if (needComma && t.kind() != Kind.COMMA && t.kind() != Kind.RBRACK) {
                throw new HclSyntaxException(t.pos(),
                        "error parsing list, expected comma or list end, got: " + t.describe());
            }
            switch (t.kind()) {
                case STRING, HEREDOC, NUMBER, FLOAT, BOOL -> {
                    elements.add(literal(t));
                    needComma = true;
                }
                case LBRACE -> {
                    try {
                        elements.add(objectRest(t.pos(), 1));
                    } catch (HclSyntaxException e) {
                        throw overBound() ? e : new HclSyntaxException(t.pos(),
                                "error while trying to parse object within list: " + e.getMessage());
                    }
                    needComma = true;
                }
                case LBRACK -> {
                    try {
                        elements.add(listRest(t.pos()));
                    } catch (HclSyntaxException e) {
                        throw overBound() ? e : new HclSyntaxException(t.pos(),
                                "error while trying to parse list within list: " + e.getMessage());
                    }
                    // HCL1 does not ask for a comma after a nested list.
                }
                case COMMA -> needComma = false;
                case RBRACK -> {
                    depth--;
                    return new HclNode.ListValue(elements, pos);
                }
                default -> throw new HclSyntaxException(t.pos(),
                        "unexpected token while parsing list: " + t.describe());
            }
        }
    }

    /** Counts one more value, refusing to go past {@link #MAX_VALUES}. */
    private void counted(HclPos pos) throws HclSyntaxException {
        if (++values > MAX_VALUES) {
            overBound = true;
            throw new HclSyntaxException(pos, "too many values (more than " + MAX_VALUES + ")");
        }
    }

    private HclNode.Literal literal(HclToken t) throws HclSyntaxException {
        counted(t.pos());
        Object v = switch (t.kind()) {
            case BOOL -> Boolean.valueOf(t.text());
            case NUMBER -> parseInteger(t);
            case FLOAT -> parseFloat(t);
            default -> t.text();
        };
        return new HclNode.Literal(v, t.pos());
    }

    private static Double parseFloat(HclToken t) throws HclSyntaxException {
        try {
            return Double.valueOf(t.text());
        } catch (NumberFormatException e) {
            throw new HclSyntaxException(t.pos(), "invalid number: " + t.text());
        }
    }

    private static Long parseInteger(HclToken t) throws HclSyntaxException {
        String s = t.text();
        try {
            boolean neg = s.startsWith("-");
            String digits = neg ? s.substring(1) : s;
            // As Go's strconv.ParseInt with base 0: 0x is hexadecimal, a leading 0 octal.
            long v;
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                v = Long.parseLong(digits.substring(2), 16);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                v = Long.parseLong(digits.substring(1), 8);
            } else {
                v = Long.parseLong(digits);
            }
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            throw new HclSyntaxException(t.pos(), "invalid number: " + s);
        }
    }
}
