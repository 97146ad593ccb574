package dev.lingogate.translate.apertium;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text, already in Apertium's stream format, into runs of whole sentences that
 * pipelines can translate side by side: Apertium translates sentence by sentence, so the
 * translations of the runs, joined, are the translation of the whole. A cut is made only where no
 * sentence can go on: after a sentence end {@code .[]} (a paragraph break, the end of an HTML
 * block), or after a full stop, question or exclamation mark followed by one space and a capital
 * letter, the word before it not a short capitalised one (so not after {@code Mr.} or {@code Dr.}).
 * Never inside a superblank or a word-bound blank.
 */
public final class SentenceSplitter {

    private final int pieceLength;

    /** @param pieceLength the least number of characters of stream a run holds, except the last */
    public SentenceSplitter(int pieceLength) {
        this.pieceLength = pieceLength;
    }

    public List<String> split(String stream) {
        List<String> pieces = new ArrayList<>();
        if (stream.length() < 2 * pieceLength) {
            return List.of(stream);
        }
        int pieceStart = 0;
        int depth = 0;
        int i = 0;
        while (i < stream.length()) {
            char c = stream.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            }
            int cut = depth == 0 ? cutAfter(stream, i) : -1;
            if (cut > 0 && cut - pieceStart >= pieceLength && stream.length() - cut >= pieceLength / 2) {
                pieces.add(stream.substring(pieceStart, cut));
                pieceStart = cut;
            }
            i++;
        }
        pieces.add(stream.substring(pieceStart));
        return pieces;
    }

    /** Where a cut may go after the character at {@code i}, or -1. */
    private static int cutAfter(String stream, int i) {
        if (stream.startsWith(".[]", i - 2) && i >= 2) {
            return i + 1;
        }
        char c = stream.charAt(i);
        boolean terminator = (c == '.' || c == '?' || c == '!') && (i == 0 || stream.charAt(i - 1) != '\\');
        if (!terminator || i + 2 >= stream.length() || stream.charAt(i + 1) != ' '
                || !Character.isUpperCase(stream.charAt(i + 2))) {
            return -1;
        }
        int wordStart = i;
        while (wordStart > 0 && Character.isLetter(stream.charAt(wordStart - 1))) {
            wordStart--;
        }
        int length = i - wordStart;
        boolean abbreviation = length < 3 || length <= 4 && Character.isUpperCase(stream.charAt(wordStart));
        return c == '.' && abbreviation ? -1 : i + 1;
    }
}
