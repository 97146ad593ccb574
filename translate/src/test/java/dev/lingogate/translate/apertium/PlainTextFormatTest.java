package dev.lingogate.translate.apertium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.translate.ApertiumCli;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextFormatTest {

    private static final List<String> TEXTS = List.of(
            "The house is big.", "", " ", "a  b", "a\nb", "a.\n\nb", "a\n\n\n\nb", "a\r\n\r\nb", "abc\n",
            "  abc", "abc  ", "a\n \nb", "a \n\n b", "a\n\n \n\nb", "x\ry", "a\n\n", "\n\nb", "a \t b",
            "back\\slash [brackets] ^caret$ /slash/ <angle> @at {braces}", "abc.[]", "é ü 😀 a", "a\u000bb\u000cc",
            "non\u00a0breaking", "tab\tinside\tline");

    @Test
    void deformattingMatchesApertiumDestxt() {
        for (String text : TEXTS) {
            assertThat(PlainTextFormat.deformat(text)).as("deformat of %s", text.replace("\n", "\\n"))
                    .isEqualTo(ApertiumCli.run(List.of("apertium-destxt"), text));
        }
    }

    @Test
    void reformattingMatchesApertiumRetxt() {
        for (String text : TEXTS) {
            String stream = ApertiumCli.run(List.of("apertium-destxt"), text);
            assertThat(PlainTextFormat.reformat(stream)).as("reformat of %s", stream.replace("\n", "\\n"))
                    .isEqualTo(ApertiumCli.run(List.of("apertium-retxt"), stream));
        }
    }

    @Test
    void aNulInTheTextIsDroppedAsApertiumDestxtDropsIt() {
        assertThat(PlainTextFormat.deformat("The house\0is big.")).isEqualTo("The houseis big..[]");
    }
}
