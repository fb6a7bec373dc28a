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

    /** Go's {@code %+v} of HCL1's token struct, which its "Unknown token" error prints. */
    String goDump() {
        return "{Type:" + kind.name() + " Pos:{Filename: Offset:" + offset + " Line:" + pos.line()
                + " Column:" + pos.column() + "} Text:" + raw + " JSON:false}";
    }
}
