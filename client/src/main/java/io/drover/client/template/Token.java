package io.drover.client.template;

/** One lexical item inside an action; {@code text} is a string literal's decoded value. */
record Token(Kind kind, String text, Position at) {
    enum Kind {
        IDENTIFIER, STRING, NUMBER, DOT, FIELD, VARIABLE, PIPE, LEFT_PAREN, RIGHT_PAREN, DECLARE, ASSIGN, COMMA, CHAR
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isKeyword(String word) {
        return kind == Kind.IDENTIFIER && text.equals(word);
    }
}
