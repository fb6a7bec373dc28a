package io.drover.hcl;

/**
 * One lexical token of HCL1: {@code text} is its value (a string's unquoted text), {@code raw}
 * the source it was read from, which HCL1 quotes in some errors, at {@code offset} in the source.
 */
record HclToken(Kind kind, String text, HclPos pos, String raw, int offset) {
    HclToken(Kind kind, String text, HclPos pos) {
        this(kind, text, pos, text, -1);
    }
    enum Kind {
        IDENT, STRING, HEREDOC, NUMBER, FLOAT, BOOL, LBRACE, RBRACE, LBRACK, RBRACK, ASSIGN, COMMA, EOF
    }

    /** How HCL1 names a token in its errors: the kind, or EOF. */
    String describe() {
        return kind.name();
    }

    /**
     * How HCL1's "Unknown token" error prints a token: Go's {@code %+v} of a Stringer calls its
     * String method, {@code <line>:<col> <TYPE> <text>}.
     */
    String goString() {
        return pos.line() + ":" + pos.column() + " " + kind.name() + " " + raw;
    }
}
