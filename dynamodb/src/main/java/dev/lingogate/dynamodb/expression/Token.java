package dev.lingogate.dynamodb.expression;

/**
 * One token of an expression and where it starts in the text, for error messages.
 */
record Token(Kind kind, String text, int position) {

    enum Kind {
        /** A bare name: an attribute, a function, a keyword such as AND or SET. */
        IDENTIFIER,
        /** {@code #name}: a placeholder from ExpressionAttributeNames. */
        NAME_PLACEHOLDER,
        /** {@code :value}: a placeholder from ExpressionAttributeValues. */
        VALUE_PLACEHOLDER,
        /** Digits, as in a list index {@code [3]}. */
        NUMBER,
        /** Punctuation and operators: ( ) [ ] , . = &lt;&gt; &lt; &lt;= &gt; &gt;= + - */
        SYMBOL,
        /** A character no expression may hold. */
        ILLEGAL,
        END
    }

    int end() {
        return kind == Kind.END ? position : position + text.length();
    }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }
}
