package dev.lingogate.translate.api;

import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.translate.apertium.TextFormat;
import dev.lingogate.translate.routing.Chain;
import java.util.Locale;

/**
 * Lingogate's extensions to TranslateText, asked for in headers because Amazon Translate's request
 * has no member for them (AWS's SDKs add a header per request with
 * {@code overrideConfiguration(c -> c.putHeader(...))}, and Amazon Translate ignores it):
 * <ul>
 * <li>{@code X-Lingogate-Format: html} translates the text as HTML (text nodes and the
 *     {@code title}, {@code alt}, {@code placeholder} attributes; markup kept); {@code text}, the
 *     default, as plain text.</li>
 * <li>{@code X-Lingogate-Mark-Unknown: true} marks the words the engine does not know:
 *     {@code *} unknown word, {@code @} untranslated lemma, {@code #} generation error. The
 *     default, {@code false}, leaves them unmarked, as Amazon Translate's users expect.</li>
 * </ul>
 *
 * <p>Lingogate reports in reply headers what Amazon Translate's replies have no member for:
 * <ul>
 * <li>{@code X-Lingogate-Chain: ca>en>es>pt} on TranslateText: the languages the text went
 *     through, source first; two for a pair an installed mode (or a remote engine) serves directly.
 *     No chain is reported when source and target are the same, as nothing translated the text.</li>
 * <li>{@code X-Lingogate-Engine: apertium} on TranslateText: what translated it, Apertium or the
 *     kind of remote engine ({@code amazon}, {@code deepl}, {@code libretranslate}).</li>
 * <li>{@code X-Lingogate-Pairs: ca>en, ca>en>es, en>es, ...} on ListLanguages: every pair that can
 *     be translated, each written as its chain, so the direct ones are those of two languages.</li>
 * </ul>
 *
 * @param format           the text's format
 * @param markUnknownWords whether unknown words are marked
 */
record LingogateHeaders(TextFormat format, boolean markUnknownWords) {

    static final String FORMAT = "X-Lingogate-Format";
    static final String MARK_UNKNOWN = "X-Lingogate-Mark-Unknown";
    static final String CHAIN = "X-Lingogate-Chain";
    static final String ENGINE = "X-Lingogate-Engine";
    static final String PAIRS = "X-Lingogate-Pairs";

    /** A chain as the reply headers write it: its languages joined by {@code >}, which is ASCII as a header must be. */
    static String written(Chain chain) {
        return String.join(">", chain.languages());
    }

    static LingogateHeaders of(AwsRequest request) {
        String format = request.header(FORMAT.toLowerCase(Locale.ROOT));
        String mark = request.header(MARK_UNKNOWN.toLowerCase(Locale.ROOT));
        TextFormat textFormat = format == null ? TextFormat.TEXT : TextFormat.named(format.trim())
                .orElseThrow(() -> invalid(format, FORMAT, "[text, html]"));
        if (mark != null && !mark.trim().equalsIgnoreCase("true") && !mark.trim().equalsIgnoreCase("false")) {
            throw invalid(mark, MARK_UNKNOWN, "[true, false]");
        }
        return new LingogateHeaders(textFormat, mark != null && mark.trim().equalsIgnoreCase("true"));
    }

    private static AwsException invalid(String value, String header, String allowed) {
        return new AwsException(400, "ValidationException", "1 validation error detected: Value '" + value
                + "' at '" + header + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
    }
}
