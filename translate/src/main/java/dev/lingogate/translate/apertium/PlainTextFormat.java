package dev.lingogate.translate.apertium;

/**
 * Apertium's "txt" format, done in process: {@link #deformat} turns plain text into the stream an
 * Apertium pipeline reads, exactly as {@code apertium-destxt} does, and {@link #reformat} turns the
 * pipeline's output back into text, exactly as {@code apertium-retxt} does. Running the two
 * programs per request would cost two process starts; keeping them in the warm pipeline is not
 * possible because both swallow the NUL that separates requests.
 *
 * <p>The rules, from Apertium's {@code txt-format.xml} and checked against the programs: the
 * characters {@code \ [ ] ^ $ / < > @ { }} are escaped with a backslash; a run of blanks (space,
 * newline, tab, carriage return) other than one single space becomes a "superblank"
 * {@code [...]} that the pipeline passes through untouched; a run holding a paragraph break
 * ({@code \n\n} or {@code \r\n\r\n}) is preceded by {@code .[]}, a sentence end the translator
 * may use and the reformatter removes; the text always ends with {@code .[]}, before any trailing
 * blanks.
 */
public final class PlainTextFormat {

    private static final String SENTENCE_END = ".[]";

    private PlainTextFormat() {
    }

    public static String deformat(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                int end = i;
                while (end < text.length() && isBlank(text.charAt(end))) {
                    end++;
                }
                String blanks = text.substring(i, end);
                boolean trailing = end == text.length();
                if (trailing || blanks.contains("\n\n") || blanks.contains("\r\n\r\n")) {
                    out.append(SENTENCE_END);
                }
                if (blanks.equals(" ")) {
                    out.append(' ');
                } else {
                    out.append('[').append(blanks).append(']');
                }
                i = end;
                if (trailing) {
                    return out.toString();
                }
            } else {
                // NUL separates requests on the pipe; apertium-destxt drops it too.
                if (c != '\0') {
                    if (isEscaped(c)) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                i++;
            }
        }
        return out.append(SENTENCE_END).toString();
    }

    public static String reformat(String stream) {
        StringBuilder out = new StringBuilder(stream.length());
        int i = 0;
        while (i < stream.length()) {
            char c = stream.charAt(i);
            if (c == '\\' && i + 1 < stream.length()) {
                out.append(stream.charAt(i + 1));
                i += 2;
            } else if (stream.startsWith(SENTENCE_END, i)) {
                i += SENTENCE_END.length();
            } else {
                if (c != '[' && c != ']') {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static boolean isEscaped(char c) {
        return "\\[]^$/<>@{}".indexOf(c) >= 0;
    }
}
