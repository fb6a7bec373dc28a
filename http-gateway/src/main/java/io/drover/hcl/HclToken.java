package io.drover.hcl;

/** One lexical token of HCL1; {@code text} is the source text, except for strings and heredocs (their value). */
record HclToken(Kind kind, String text, HclPos pos) {
    enum Kind {
        IDENT, STRING, HEREDOC, NUMBER, FLOAT, BOOL, LBRACE, RBRACE, LBRACK, RBRACK, ASSIGN, COMMA, EOF
    }

    /** How HCL1 names a token in its errors: the kind, or EOF. */
    String describe() {
        return kind == Kind.EOF ? "EOF" : kind.name();
    }
}
