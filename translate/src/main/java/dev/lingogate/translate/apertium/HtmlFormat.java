package dev.lingogate.translate.apertium;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML for an Apertium pipeline, done in process as Apertium's transfuse ({@code tf-extract -f html})
 * does it, but without its two process starts per request and without the entity damage of
 * {@code apertium-deshtml} (which turns {@code &eacute;} into broken bytes, the corruption APy shows).
 *
 * <p>Text nodes are translated block by block: a block ends at any tag that starts a new line of
 * text (a paragraph, a heading, a list item, a cell, {@code <br>}) and at comments, scripts and
 * styles, and a sentence end {@code .[]} is put there so no sentence runs across it. Inline tags
 * ({@code <b>}, {@code <a>}, {@code <span>} …) that wrap words become Apertium's word-bound blanks
 * {@code [[t:n]]words[[/]]}, which the pipeline's {@code apertium-wblank-attach}/{@code -detach}
 * carry to the translated words wherever transfer moves them. Every other piece of markup becomes
 * a superblank {@code [m:n]} naming it, and is written back byte for byte. The {@code title},
 * {@code alt} and {@code placeholder} attributes (when quoted) are translated as sentences of their
 * own at the end of the stream, after a superblank {@code [h:n]} each.
 *
 * <p>Character references that stand for letters or punctuation ({@code &eacute;}, {@code &amp;},
 * {@code &#233;}) are decoded so that words are recognised, and every such character is written
 * back in the translation with the reference the document used for it, so the references come back
 * as written. References to spaces ({@code &nbsp;}) and unknown ones are kept as markup.
 * {@code <script>} and {@code <style>} contents, comments and elements marked {@code translate="no"}
 * are markup too.
 */
final class HtmlFormat {

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "br",
            "button", "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "li", "main",
            "meta", "nav", "ol", "optgroup", "option", "p", "pre", "section", "select", "summary", "table", "tbody",
            "td", "tfoot", "th", "thead", "title", "tr", "ul", "link", "base", "iframe", "video", "audio",
            "canvas", "object", "noscript", "template", "textarea", "script", "style");
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");
    /** Elements whose content is not HTML but code or data, kept as it is. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea");
    /** A named reference Lingogate does not know, kept as it is written. */
    private static final Pattern NAMED_REFERENCE = Pattern.compile("&[A-Za-z][A-Za-z0-9]{1,31};");
    private static final Set<String> TRANSLATED_ATTRIBUTES = Set.of("title", "alt", "placeholder");

    private interface Token {
    }

    private record Text(String decoded) implements Token {
    }

    /** An inline tag that may become a word-bound blank if its pair wraps words. */
    private record Tag(String name, boolean closing, int markup) implements Token {
    }

    private record Markup(int markup) implements Token {
    }

    private final String html;
    private final HtmlDocument document = new HtmlDocument();
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private HtmlFormat(String html) {
        this.html = html;
    }

    static Deformatted deformat(String html) {
        HtmlFormat format = new HtmlFormat(html);
        format.tokenize();
        String stream = format.stream();
        return new Deformatted(stream, format.document::reformat);
    }

    // ---- reading the HTML ----

    private void tokenize() {
        StringBuilder text = new StringBuilder();
        while (at < html.length()) {
            char c = html.charAt(at);
            int markupLength = c == '<' ? markupLength() : 0;
            int entityLength = c == '&' ? HtmlEntities.length(html, at) : 0;
            if (markupLength > 0) {
                flushText(text);
                readMarkup(markupLength);
            } else if (c == '&') {
                if (entityLength == 0) {
                    Matcher unknown = NAMED_REFERENCE.matcher(html).region(at, html.length());
                    if (unknown.lookingAt()) {
                        flushText(text);
                        tokens.add(new Markup(document.add(HtmlMarkup.verbatim(unknown.group(), false))));
                        at = unknown.end();
                    } else {
                        text.append(c);
                        at++;
                    }
                    continue;
                }
                String reference = html.substring(at, at + entityLength);
                int decoded = HtmlEntities.decode(reference).orElseThrow();
                if (Character.isWhitespace(decoded) || Character.isSpaceChar(decoded)
                        || Character.getType(decoded) == Character.FORMAT) {
                    flushText(text);
                    tokens.add(new Markup(document.add(HtmlMarkup.verbatim(reference, false))));
                } else {
                    document.spell(decoded, reference);
                    text.appendCodePoint(decoded);
                }
                at += entityLength;
            } else {
                text.append(c);
                at++;
            }
        }
        flushText(text);
    }

    private void flushText(StringBuilder text) {
        if (!text.isEmpty()) {
            tokens.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    /** How long the markup starting at a '<' is, or 0 if the '<' is just text. */
    private int markupLength() {
        if (html.startsWith("<!--", at)) {
            return until("-->", at + 4);
        }
        if (html.startsWith("<![CDATA[", at)) {
            return until("]]>", at + 9);
        }
        boolean tag = at + 1 < html.length() && (Character.isLetter(html.charAt(at + 1))
                || html.charAt(at + 1) == '!' || html.charAt(at + 1) == '?'
                || html.charAt(at + 1) == '/' && at + 2 < html.length() && Character.isLetter(html.charAt(at + 2)));
        if (!tag) {
            return 0;
        }
        char quote = 0;
        for (int i = at + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = html.charAt(i - 1) == '=' || Character.isWhitespace(html.charAt(i - 1)) ? c : 0;
            } else if (c == '>') {
                return i + 1 - at;
            }
        }
        return 0;
    }

    private int until(String end, int from) {
        int found = html.indexOf(end, from);
        return (found < 0 ? html.length() : found + end.length()) - at;
    }

    private void readMarkup(int length) {
        String raw = html.substring(at, at + length);
        at += length;
        if (!raw.startsWith("<") || raw.startsWith("<!") || raw.startsWith("<?")) {
            tokens.add(new Markup(document.add(HtmlMarkup.verbatim(raw, true))));
            return;
        }
        boolean closing = raw.startsWith("</");
        String name = tagName(raw, closing ? 2 : 1);
        boolean block = BLOCKS.contains(name);
        if (!closing && !raw.endsWith("/>") && !VOID.contains(name)
                && (RAW_TEXT.contains(name) || raw.toLowerCase(Locale.ROOT).matches("(?s).*\\stranslate\\s*=\\s*[\"']?no\\b.*"))) {
            // The element's content is kept whole: code, data, or what its author marked not to translate.
            int end = elementEnd(name);
            tokens.add(new Markup(document.add(HtmlMarkup.verbatim(raw + html.substring(at, end), block))));
            at = end;
            return;
        }
        HtmlMarkup markup = closing ? HtmlMarkup.verbatim(raw, block) : withHoles(raw, block);
        int index = document.add(markup);
        tokens.add(block || VOID.contains(name) ? new Markup(index) : new Tag(name, closing, index));
    }

    private static String tagName(String raw, int from) {
        int end = from;
        while (end < raw.length() && !Character.isWhitespace(raw.charAt(end)) && raw.charAt(end) != '>' && raw.charAt(end) != '/') {
            end++;
        }
        return raw.substring(from, end).toLowerCase(Locale.ROOT);
    }

    /** Where the element whose start tag was just read ends: after its matching end tag, nested ones counted. */
    private int elementEnd(String name) {
        String lower = html.toLowerCase(Locale.ROOT);
        int depth = 1;
        int i = at;
        while (i < lower.length()) {
            int next = lower.indexOf('<', i);
            if (next < 0) {
                break;
            }
            if (lower.startsWith("</" + name, next) && boundaryAt(lower, next + 2 + name.length())) {
                if (--depth == 0 || RAW_TEXT.contains(name)) {
                    int close = lower.indexOf('>', next);
                    return close < 0 ? lower.length() : close + 1;
                }
            } else if (!RAW_TEXT.contains(name) && lower.startsWith("<" + name, next) && boundaryAt(lower, next + 1 + name.length())) {
                depth++;
            }
            i = next + 1;
        }
        return html.length();
    }

    private static boolean boundaryAt(String text, int i) {
        return i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }

    /** A start tag, its quoted title/alt/placeholder values cut out as holes to translate. */
    private HtmlMarkup withHoles(String raw, boolean block) {
        List<String> literals = new ArrayList<>();
        List<Integer> holes = new ArrayList<>();
        int literalStart = 0;
        int i = 1 + tagName(raw, 1).length();
        while (i < raw.length()) {
            while (i < raw.length() && (Character.isWhitespace(raw.charAt(i)) || raw.charAt(i) == '/')) {
                i++;
            }
            int nameStart = i;
            while (i < raw.length() && !Character.isWhitespace(raw.charAt(i)) && "=>/".indexOf(raw.charAt(i)) < 0) {
                i++;
            }
            String attribute = raw.substring(nameStart, i).toLowerCase(Locale.ROOT);
            if (i >= raw.length() || raw.charAt(i) == '>' || nameStart == i) {
                break;
            }
            int afterName = i;
            while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i >= raw.length() || raw.charAt(i) != '=') {
                i = afterName;
                continue;
            }
            i++;
            while (i < raw.length() && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i < raw.length() && (raw.charAt(i) == '"' || raw.charAt(i) == '\'')) {
                char quote = raw.charAt(i);
                int end = raw.indexOf(quote, i + 1);
                if (end < 0) {
                    break;
                }
                String value = raw.substring(i + 1, end);
                if (TRANSLATED_ATTRIBUTES.contains(attribute) && !value.isBlank()) {
                    literals.add(raw.substring(literalStart, i + 1));
                    holes.add(document.addHole(decodeAttribute(value), quote));
                    literalStart = end;
                }
                i = end + 1;
            } else {
                while (i < raw.length() && !Character.isWhitespace(raw.charAt(i)) && raw.charAt(i) != '>') {
                    i++;
                }
            }
        }
        literals.add(raw.substring(literalStart));
        return new HtmlMarkup(literals, holes, block);
    }

    private String decodeAttribute(String value) {
        StringBuilder decoded = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int length = value.charAt(i) == '&' ? HtmlEntities.length(value, i) : 0;
            if (length > 0) {
                String reference = value.substring(i, i + length);
                int c = HtmlEntities.decode(reference).orElseThrow();
                document.spell(c, reference);
                decoded.appendCodePoint(c);
                i += length;
            } else {
                decoded.append(value.charAt(i++));
            }
        }
        return decoded.toString();
    }

    // ---- writing the stream ----

    private String stream() {
        boolean[] wordBound = pairInlineTags();
        StringBuilder out = new StringBuilder(html.length() + 64);
        List<Integer> open = new ArrayList<>();
        boolean blockHasWords = false;
        for (Token token : tokens) {
            if (token instanceof Text text) {
                writeText(out, text.decoded(), open);
                blockHasWords |= !text.decoded().isBlank();
            } else if (token instanceof Tag tag && wordBound[tag.markup()]) {
                if (tag.closing()) {
                    open.remove(Integer.valueOf(document.openingOf(tag.markup())));
                } else {
                    open.add(tag.markup());
                }
            } else {
                int markup = token instanceof Tag tag ? tag.markup() : ((Markup) token).markup();
                if (document.markup(markup).boundary() && blockHasWords) {
                    out.append(".[]");
                    blockHasWords = false;
                }
                out.append("[m:").append(markup).append(']');
            }
        }
        if (blockHasWords) {
            out.append(".[]");
        }
        for (int hole = 0; hole < document.holeCount(); hole++) {
            out.append("[h:").append(hole).append(']').append(PlainTextFormat.deformat(document.holeText(hole)));
        }
        return out.toString();
    }

    /**
     * Finds the inline tags whose start and end are in the same block and that wrap at least one
     * word: those become word-bound blanks. Others (an empty span, a tag left open) stay markup.
     */
    private boolean[] pairInlineTags() {
        boolean[] wordBound = new boolean[document.size()];
        Deque<Integer> opened = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token instanceof Markup markup && document.markup(markup.markup()).boundary()) {
                opened.clear();
            } else if (token instanceof Tag tag && !tag.closing()) {
                opened.push(i);
            } else if (token instanceof Tag tag) {
                for (Integer start : opened) {
                    Tag candidate = (Tag) tokens.get(start);
                    if (candidate.name().equals(tag.name())) {
                        while (!opened.pop().equals(start)) {
                            // tags opened inside it and never closed stay markup
                        }
                        if (wrapsWords(start, i)) {
                            wordBound[candidate.markup()] = true;
                            wordBound[tag.markup()] = true;
                            document.pair(candidate.markup(), tag.markup());
                        }
                        break;
                    }
                }
            }
        }
        return wordBound;
    }

    private boolean wrapsWords(int from, int to) {
        return tokens.subList(from, to).stream().anyMatch(t -> t instanceof Text text && !text.decoded().isBlank());
    }

    /**
     * Writes text in Apertium's stream: special characters escaped, blanks other than one space as
     * superblanks, and, under inline tags, the words between the first and the last non-blank
     * character inside one word-bound blank naming the tags, outermost first.
     */
    private static void writeText(StringBuilder out, String text, List<Integer> open) {
        if (open.isEmpty() || text.isBlank()) {
            writePlain(out, text);
            return;
        }
        int start = 0;
        while (isBlank(text.charAt(start))) {
            start++;
        }
        int end = text.length();
        while (isBlank(text.charAt(end - 1))) {
            end--;
        }
        writePlain(out, text.substring(0, start));
        out.append("[[");
        for (int i = 0; i < open.size(); i++) {
            out.append(i == 0 ? "" : ";").append("t:").append(open.get(i));
        }
        out.append("]]");
        writePlain(out, text.substring(start, end));
        out.append("[[/]]");
        writePlain(out, text.substring(end));
    }

    private static void writePlain(StringBuilder out, String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                int end = i;
                while (end < text.length() && isBlank(text.charAt(end))) {
                    end++;
                }
                String blanks = text.substring(i, end);
                out.append(blanks.equals(" ") ? " " : "[" + blanks + "]");
                i = end;
            } else {
                if (c != '\0') {
                    if ("\\[]^$/<>@{}".indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                i++;
            }
        }
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }
}
