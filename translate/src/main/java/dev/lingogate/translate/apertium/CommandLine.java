package dev.lingogate.translate.apertium;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one command of an Apertium mode into its words as a POSIX shell would, so that each
 * program can be started directly, without a shell between us and the pipe. Mode files quote
 * paths with single quotes; double quotes and backslashes are handled for hand-written modes.
 */
final class CommandLine {

    private CommandLine() {
    }

    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                int end = closing(command, i, '\'');
                word.append(command, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int end = closing(command, i, '"');
                word.append(command.substring(i + 1, end).replaceAll("\\\\([\"\\\\$`])", "$1"));
                i = end;
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int closing(String command, int open, char quote) {
        int end = command.indexOf(quote, open + 1);
        while (quote == '"' && end > 0 && command.charAt(end - 1) == '\\') {
            end = command.indexOf(quote, end + 1);
        }
        if (end < 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in mode command: " + command);
        }
        return end;
    }
}
