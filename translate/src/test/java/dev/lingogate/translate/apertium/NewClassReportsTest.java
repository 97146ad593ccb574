package dev.lingogate.translate.apertium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The words of the tagger's reports of a new ambiguity class are read from its standard error, and nothing else is. */
class NewClassReportsTest {

    private static final String INCLUDED = report("included", "ADV,ADJ,VLEXPP,PAST");
    private static final String ÉTÉ = report("été", "N,VLEXPP");
    private static final String WARNING = "Warning: There is not coarse tag for the fine tag '$' of '$'\n"
            + "         This is because of an incomplete tagset definition or a dictionary error\n";

    private final NewClassReports reports = new NewClassReports(InputStream.nullInputStream());

    @Test
    void theWordsOfWholeReportsAreReadInOrderAndWarningsPassedOver() {
        assertThat(reports.wordsIn(WARNING + INCLUDED + WARNING + ÉTÉ)).containsExactly("included", "été");
    }

    @Test
    void aReportWrittenInPartIsReadOnceItIsWhole() {
        int half = INCLUDED.length() / 2;

        assertThat(reports.wordsIn(WARNING + INCLUDED.substring(0, half))).isEmpty();
        assertThat(reports.wordsIn(INCLUDED.substring(half))).containsExactly("included");
    }

    @Test
    void nothingButWarningsReportsNoWord() {
        assertThat(reports.wordsIn(WARNING)).isEmpty();
    }

    private static String report(String word, String ambiguityClass) {
        return "Error: A new ambiguity class was found. \n"
                + "Retraining the tagger is necessary so as to take it into account.\n"
                + "Word '" + word + "'.\nNew ambiguity class: {" + ambiguityClass + "}\n";
    }
}
