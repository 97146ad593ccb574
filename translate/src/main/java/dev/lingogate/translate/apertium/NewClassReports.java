package dev.lingogate.translate.apertium;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One answer of the HMM tagger run with {@code -d} and its standard error merged into its output,
 * split into the answer proper and whether the tagger reported, while tagging it, an ambiguity class
 * its model lacks (see {@link TaggerGate}). A report is a block of four lines,
 * <pre>
 * Error: A new ambiguity class was found. ⏎
 * Retraining the tagger is necessary so as to take it into account.⏎
 * Word 'included'.⏎
 * New ambiguity class: {ADV,ADJ,VLEXPP,PAST}⏎
 * </pre>
 * written between two writes of the answer, anywhere in it; taken out, the answer is what the
 * tagger wrote on its output alone. Nothing of the answer proper can look like it: the tagger's
 * words are in {@code ^…$}, and the blanks between them hold no such run of text.
 */
record NewClassReports(byte[] answer, boolean found) {

    private static final byte[] OPENING = bytes("Error: A new ambiguity class was found. \n"
            + "Retraining the tagger is necessary so as to take it into account.\nWord '");
    private static final byte[] CLASS = bytes("'.\nNew ambiguity class: {");
    private static final byte[] CLOSING = bytes("}\n");

    /** The answer, as far as its NUL, with the reports in it taken out. */
    static NewClassReports in(byte[] written) {
        int report = indexOf(written, OPENING, 0);
        if (report < 0) {
            return new NewClassReports(written, false);
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream(written.length);
        int from = 0;
        while (report >= 0) {
            int classAt = indexOf(written, CLASS, report + OPENING.length);
            int end = classAt < 0 ? -1 : indexOf(written, CLOSING, classAt + CLASS.length);
            if (end < 0) {
                break;
            }
            answer.write(written, from, report - from);
            from = end + CLOSING.length;
            report = indexOf(written, OPENING, from);
        }
        answer.write(written, from, written.length - from);
        return new NewClassReports(answer.toByteArray(), true);
    }

    private static int indexOf(byte[] in, byte[] sought, int from) {
        for (int i = from; i <= in.length - sought.length; i++) {
            if (in[i] == sought[0] && Arrays.equals(in, i, i + sought.length, sought, 0, sought.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
