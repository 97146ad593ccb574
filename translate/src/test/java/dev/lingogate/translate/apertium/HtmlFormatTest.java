package dev.lingogate.translate.apertium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.translate.ApertiumCli;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTML through the real eng-spa programs ({@code apertium -u -f none}, our stream in and out). */
class HtmlFormatTest {

    private static String translate(String html) {
        Deformatted deformatted = TextFormat.HTML.deformat(html);
        return deformatted.reformat(ApertiumCli.run(List.of("apertium", "-u", "-f", "none", "eng-spa"), deformatted.stream()));
    }

    @Test
    void tagsCommentsScriptsAndStylesComeBackByteForByte() {
        String html = "<!DOCTYPE html><html><head><style>p { color: red; } /* the house */</style></head><body>\n"
                + "<p class=\"intro\" id='x'>The house is big.</p><!-- the house is big -->\n"
                + "<script>if (a < b && c > d) { say(\"the house\"); }</script><div data-x=\"1\">Good morning.</div></body></html>";

        String translated = translate(html);

        assertThat(translated).startsWith("<!DOCTYPE html><html><head><style>p { color: red; } /* the house */</style></head><body>\n"
                + "<p class=\"intro\" id='x'>");
        assertThat(translated).contains("</p><!-- the house is big -->\n<script>if (a < b && c > d) { say(\"the house\"); }</script>"
                + "<div data-x=\"1\">", "</div></body></html>");
        assertThat(translated).contains(ApertiumCli.translate("eng-spa", "The house is big."),
                ApertiumCli.translate("eng-spa", "Good morning."));
    }

    @Test
    void entitiesComeBackAsTheDocumentWroteThem() {
        String translated = translate("<p>Jos&eacute; and M&#252;ller eat bread &amp; cheese&nbsp;here &lt;now&gt; &copy; 2024 &unknown;</p>");

        assertThat(translated).contains("Jos&eacute;", "M&#252;ller", "&amp;", "&nbsp;", "&lt;", "&gt;", "&copy;", "&unknown;");
        assertThat(translated).doesNotContain("\uFFC3", "é", "ü", "\u00a0");
        assertThat(translated).contains("pan");
    }

    @Test
    void inlineTagsStayAroundTheWordsTheyWrap() {
        String translated = translate("<p>The <b>big</b> house is <a href=\"x.html\">very nice</a>.</p>");

        assertThat(translated).isEqualTo("<p>La casa <b>grande</b> es <a href=\"x.html\">muy buena</a>.</p>");
    }

    @Test
    void titleAltAndPlaceholderAreTranslatedOtherAttributesAreNot() {
        String translated = translate("<p title=\"The big house\">Hello</p><img alt=\"A red cat\" src=\"red cat.png\">"
                + "<input placeholder='Your name' value=\"Your name\">");

        assertThat(translated).contains("title=\"" + ApertiumCli.translate("eng-spa", "The big house") + "\"",
                "alt=\"" + ApertiumCli.translate("eng-spa", "A red cat") + "\" src=\"red cat.png\">",
                "placeholder='" + ApertiumCli.translate("eng-spa", "Your name") + "' value=\"Your name\">");
    }

    @Test
    void anElementMarkedTranslateNoIsKeptAsItIs() {
        String translated = translate("<p>The house is <span translate=\"no\">very <b>big</b></span>.</p>");

        assertThat(translated).contains("<span translate=\"no\">very <b>big</b></span>").startsWith("<p>La casa es");
    }

    @Test
    void textWithoutMarkupTranslatesAsPlainText() {
        String text = "The house is big. The dog runs\tfast.";

        assertThat(translate(text)).isEqualTo(ApertiumCli.translate("eng-spa", text));
    }
}
