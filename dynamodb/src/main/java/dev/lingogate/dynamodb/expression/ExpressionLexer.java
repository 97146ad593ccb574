package dev.lingogate.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression's text into tokens; it never fails, unknown characters become ILLEGAL tokens. */
final class ExpressionLexer {

    private ExpressionLexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int start = i;
            if (isNameStart(c)) {
                i = skipNameParts(text, i + 1);
                tokens.add(new Token(Token.Kind.IDENTIFIER, text.substring(start, i), start));
            } else if ((c == '#' || c == ':') && i + 1 < text.length() && isNamePart(text.charAt(i + 1))) {
                i = skipNameParts(text, i + 1);
                Token.Kind kind = c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER;
                tokens.add(new Token(kind, text.substring(start, i), start));
            } else if (c >= '0' && c <= '9') {
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start));
            } else if (text.startsWith("<=", i) || text.startsWith(">=", i) || text.startsWith("<>", i)) {
                i += 2;
                tokens.add(new Token(Token.Kind.SYMBOL, text.substring(start, i), start));
            } else if ("()[],.=<>+-".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start));
            } else {
                i += Character.charCount(text.codePointAt(i));
                tokens.add(new Token(Token.Kind.ILLEGAL, text.substring(start, i), start));
            }
        }
        tokens.add(new Token(Token.Kind.END, "<EOF>", text.length()));
        return tokens;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    private static int skipNameParts(String text, int i) {
        while (i < text.length() && isNamePart(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
