package dev.lingogate.translate.apertium;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reports the HMM tagger writes into its answers are found and taken out, wherever they fall. */
class NewClassReportsTest {

    private static final String INCLUDED_REPORT = "Error: A new ambiguity class was found. \n"
            + "Retraining the tagger is necessary so as to take it into account.\n"
            + "Word 'included'.\nNew ambiguity class: {ADV,ADJ,VLEXPP,PAST}\n";
    private static final String ÉTÉ_REPORT = "Error: A new ambiguity class was found. \n"
            + "Retraining the tagger is necessary so as to take it into account.\n"
            + "Word 'été'.\nNew ambiguity class: {N,VLEXPP}\n";

    @Test
    void anAnswerWithoutReportIsPassedAsWritten() {
        NewClassReports reports = NewClassReports.in(bytes("^No<det><ind><sp>$ ^*OS$\0"));

        assertThat(reports.found()).isFalse();
        assertThat(text(reports.answer())).isEqualTo("^No<det><ind><sp>$ ^*OS$\0");
    }

    @Test
    void aReportBetweenTwoWordsIsFoundAndTakenOut() {
        NewClassReports reports = NewClassReports.in(
                bytes("^be<vbser><pri><p3><sg>$" + INCLUDED_REPORT + " ^include<vblex><pp>$\0"));

        assertThat(reports.found()).isTrue();
        assertThat(text(reports.answer())).isEqualTo("^be<vbser><pri><p3><sg>$ ^include<vblex><pp>$\0");
    }

    @Test
    void aReportInsideAWordAndASecondOneAreBothTakenOut() {
        NewClassReports reports = NewClassReports.in(
                bytes("^be<vbs" + INCLUDED_REPORT + "er>$ ^a$" + ÉTÉ_REPORT + "\0"));

        assertThat(reports.found()).isTrue();
        assertThat(text(reports.answer())).isEqualTo("^be<vbser>$ ^a$\0");
    }

    @Test
    void anUnfinishedReportIsLeftInTheAnswerAndStillCountsAsAChange() {
        String unfinished = "Error: A new ambiguity class was found. \n"
                + "Retraining the tagger is necessary so as to take it into account.\nWord 'x\0";

        NewClassReports reports = NewClassReports.in(bytes(unfinished));

        assertThat(reports.found()).as("a needless restart costs less than a wrong answer").isTrue();
        assertThat(text(reports.answer())).isEqualTo(unfinished);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
