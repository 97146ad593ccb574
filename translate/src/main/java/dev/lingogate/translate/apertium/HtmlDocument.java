package dev.lingogate.translate.apertium;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link HtmlFormat} keeps of a document while its text is in the pipeline: the markup, the
 * attribute values to translate, the references the document spelled its characters with, and
 * which inline start tag each end tag closes. {@link #reformat} puts the translation back into it.
 */
final class HtmlDocument {

    private final List<HtmlMarkup> markups = new ArrayList<>();
    private final Map<Integer, Integer> closingOf = new HashMap<>();
    private final Map<Integer, Integer> openingOf = new HashMap<>();
    private final Map<Integer, String> spellings = new HashMap<>();
    private final List<String> holeTexts = new ArrayList<>();
    private final List<Character> holeQuotes = new ArrayList<>();

    int add(HtmlMarkup markup) {
        markups.add(markup);
        return markups.size() - 1;
    }

    HtmlMarkup markup(int index) {
        return markups.get(index);
    }

    int size() {
        return markups.size();
    }

    int addHole(String text, char quote) {
        holeTexts.add(text);
        holeQuotes.add(quote);
        return holeTexts.size() - 1;
    }

    int holeCount() {
        return holeTexts.size();
    }

    String holeText(int hole) {
        return holeTexts.get(hole);
    }

    void pair(int opening, int closing) {
        closingOf.put(opening, closing);
        openingOf.put(closing, opening);
    }

    int openingOf(int closing) {
        return openingOf.get(closing);
    }

    /** The first reference the document wrote a character with is the one its translation uses. */
    void spell(int codePoint, String reference) {
        spellings.putIfAbsent(codePoint, reference);
    }

    /**
     * The translated document: the pipeline's answer with markup, attribute values and references
     * restored. Inline tags open before the first word that carries them and close after the last
     * of a run, so {@code [[t:3]]muy[[/]] [[t:3]]buena[[/]]} is one {@code <a>muy buena</a>}.
     */
    String reformat(String stream) {
        int firstHole = stream.indexOf("[h:");
        String body = firstHole < 0 ? stream : stream.substring(0, firstHole);
        List<String> translatedHoles = new ArrayList<>(holeTexts);
        if (firstHole >= 0) {
            String[] parts = stream.substring(firstHole).split("\\[h:", -1);
            for (String part : parts) {
                int close = part.indexOf(']');
                if (close > 0) {
                    int hole = Integer.parseInt(part.substring(0, close));
                    translatedHoles.set(hole, attributeValue(PlainTextFormat.reformat(part.substring(close + 1)), holeQuotes.get(hole)));
                }
            }
        }
        return new BodyWriter(translatedHoles).write(body);
    }

    private String attributeValue(String text, char quote) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            String spelled = spellings.get(c);
            if (spelled != null) {
                out.append(spelled);
            } else if (c == quote) {
                out.append(quote == '"' ? "&quot;" : "&#39;");
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Writes the translated body, opening and closing inline tags as the words that carry them go by. */
    private final class BodyWriter {
        private final List<String> holes;
        private final StringBuilder out = new StringBuilder();
        /** Blanks and markup met since the last word: written once it is known which tags they fall in. */
        private final StringBuilder pending = new StringBuilder();
        private final List<Integer> open = new ArrayList<>();
        private List<Integer> carried = List.of();

        BodyWriter(List<String> holes) {
            this.holes = holes;
        }

        String write(String stream) {
            int i = 0;
            while (i < stream.length()) {
                char c = stream.charAt(i);
                if (c == '\\' && i + 1 < stream.length()) {
                    int codePoint = stream.codePointAt(i + 1);
                    word(codePoint);
                    i += 1 + Character.charCount(codePoint);
                } else if (stream.startsWith(".[]", i)) {
                    i += 3;
                } else if (stream.startsWith("[[", i)) {
                    int end = stream.indexOf("]]", i);
                    carried = end < 0 ? List.of() : tags(stream.substring(i + 2, end));
                    i = end < 0 ? stream.length() : end + 2;
                } else if (c == '[') {
                    int end = superblankEnd(stream, i);
                    superblank(stream.substring(i + 1, end));
                    i = end + 1;
                } else if (!carried.isEmpty() || !HtmlFormat.isBlank(c)) {
                    int codePoint = stream.codePointAt(i);
                    word(codePoint);
                    i += Character.charCount(codePoint);
                } else {
                    pending.append(c);
                    i++;
                }
            }
            align(List.of());
            out.append(pending);
            return out.toString();
        }

        private void superblank(String content) {
            if (content.startsWith("m:")) {
                HtmlMarkup markup = markups.get(Integer.parseInt(content.substring(2)));
                if (markup.boundary()) {
                    align(List.of());
                    out.append(pending);
                    pending.setLength(0);
                    out.append(markup.render(holes));
                } else {
                    pending.append(markup.render(holes));
                }
            } else {
                pending.append(content.replaceAll("\\\\(.)", "$1"));
            }
        }

        private void word(int codePoint) {
            align(carried);
            String spelled = spellings.get(codePoint);
            if (spelled != null) {
                out.append(spelled);
            } else {
                out.appendCodePoint(codePoint);
            }
        }

        /** Closes the open tags the next word does not carry, writes what was pending, opens the ones it adds. */
        private void align(List<Integer> tags) {
            int common = 0;
            while (common < open.size() && common < tags.size() && open.get(common).equals(tags.get(common))) {
                common++;
            }
            while (open.size() > common) {
                int opening = open.remove(open.size() - 1);
                out.append(markups.get(closingOf.get(opening)).render(holes));
            }
            out.append(pending);
            pending.setLength(0);
            for (int t = common; t < tags.size(); t++) {
                open.add(tags.get(t));
                out.append(markups.get(tags.get(t)).render(holes));
            }
        }

        /** The inline tags a word-bound blank names: {@code t:3; t:7}; anything else there is not ours. */
        private List<Integer> tags(String content) {
            List<Integer> tags = new ArrayList<>();
            for (String part : content.split(";")) {
                String id = part.trim();
                if (id.startsWith("t:") && id.substring(2).chars().allMatch(Character::isDigit) && id.length() > 2) {
                    int opening = Integer.parseInt(id.substring(2));
                    if (closingOf.containsKey(opening)) {
                        tags.add(opening);
                    }
                }
            }
            return tags;
        }

        private static int superblankEnd(String stream, int start) {
            int i = start + 1;
            while (i < stream.length() && stream.charAt(i) != ']') {
                i += stream.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i, stream.length() - 1);
        }
    }
}
