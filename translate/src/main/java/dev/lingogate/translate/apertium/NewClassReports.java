package dev.lingogate.translate.apertium;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the HMM tagger run with {@code -d} reports on its standard error when it meets an ambiguity
 * class its model lacks (see {@link TaggerGate}): a block of four lines naming the word,
 * <pre>
 * Error: A new ambiguity class was found. ⏎
 * Retraining the tagger is necessary so as to take it into account.⏎
 * Word 'included'.⏎
 * New ambiguity class: {ADV,ADJ,VLEXPP,PAST}⏎
 * </pre>
 * Its other messages (warnings about tags) are passed over.
 */
final class NewClassReports {

    private static final Pattern REPORT = Pattern.compile(
            "Error: A new ambiguity class was found\\. \\nRetraining the tagger is necessary so as to take it into account\\.\\n"
                    + "Word '(.*)'\\.\\nNew ambiguity class: \\{[^}\\n]*\\}\\n");
    /** Where a report may begin that is not yet written whole. */
    private static final String OPENING = "Error: A new ambiguity class was found.";

    private final InputStream errors;
    private String unread = "";

    NewClassReports(InputStream errors) {
        this.errors = errors;
    }

    /** The words of the reports written whole since the last call, in the order the tagger met them. */
    List<String> words() throws IOException {
        int available = errors.available();
        if (available == 0 && unread.isEmpty()) {
            return List.of();
        }
        return wordsIn(new String(errors.readNBytes(available), StandardCharsets.UTF_8));
    }

    /** The words reported whole once {@code written} follows what came before; a report not written whole yet is kept for the next call. */
    List<String> wordsIn(String written) {
        String text = unread + written;
        List<String> words = new ArrayList<>();
        Matcher report = REPORT.matcher(text);
        int end = 0;
        while (report.find()) {
            words.add(report.group(1));
            end = report.end();
        }
        int opening = text.indexOf(OPENING, end);
        unread = opening < 0 ? "" : text.substring(opening);
        return words;
    }
}
