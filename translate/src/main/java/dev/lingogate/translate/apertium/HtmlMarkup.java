package dev.lingogate.translate.apertium;

import java.util.List;

/**
 * A piece of an HTML document that is not translated but written back as it was: a tag, a
 * comment, a script with its code, a character reference kept as written. A tag whose
 * {@code title}, {@code alt} or {@code placeholder} is translated has holes where those values
 * go: {@code literals} are the bytes around them, one more than there are holes.
 *
 * @param literals the markup's text, split at its holes
 * @param holes    the numbers of the translated attribute values that fill the holes, in order
 * @param boundary whether the markup ends a block of text (a paragraph, a list item, a comment),
 *                 so no sentence runs across it
 */
record HtmlMarkup(List<String> literals, List<Integer> holes, boolean boundary) {

    static HtmlMarkup verbatim(String text, boolean boundary) {
        return new HtmlMarkup(List.of(text), List.of(), boundary);
    }

    String render(List<String> holeTexts) {
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < holes.size(); i++) {
            out.append(holeTexts.get(holes.get(i))).append(literals.get(i + 1));
        }
        return out.toString();
    }
}
