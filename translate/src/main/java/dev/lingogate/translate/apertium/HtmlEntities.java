package dev.lingogate.translate.apertium;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The character references of HTML that Lingogate reads: numeric ones ({@code &#233;},
 * {@code &#xE9;}), the five of XML, the Latin-1 ones of HTML 4 ({@code &eacute;}, {@code &nbsp;})
 * and the common typographic ones. Any other named reference is left alone, as a piece of markup,
 * so it comes back exactly as written.
 */
final class HtmlEntities {

    /** HTML 4's names of the characters U+00A0 to U+00FF, in order. */
    private static final String LATIN_1 = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg "
            + "macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest "
            + "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml "
            + "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig "
            + "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml "
            + "eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";

    private static final Map<String, Integer> NAMED = new HashMap<>();

    static {
        String[] names = LATIN_1.split(" ");
        for (int i = 0; i < names.length; i++) {
            NAMED.put(names[i], 0xA0 + i);
        }
        NAMED.putAll(Map.of("amp", (int) '&', "lt", (int) '<', "gt", (int) '>', "quot", (int) '"', "apos", (int) '\''));
        NAMED.putAll(Map.of("ndash", 0x2013, "mdash", 0x2014, "lsquo", 0x2018, "rsquo", 0x2019, "ldquo", 0x201C,
                "rdquo", 0x201D, "hellip", 0x2026, "euro", 0x20AC, "bull", 0x2022, "trade", 0x2122));
        NAMED.putAll(Map.of("OElig", 0x152, "oelig", 0x153, "Scaron", 0x160, "scaron", 0x161, "Yuml", 0x178,
                "thinsp", 0x2009, "ensp", 0x2002, "emsp", 0x2003));
    }

    private HtmlEntities() {
    }

    /** The length of the character reference at {@code at}, or 0 if there is none Lingogate reads. */
    static int length(String html, int at) {
        int end = html.indexOf(';', at);
        if (end < 0 || end - at > 12) {
            return 0;
        }
        return decode(html.substring(at, end + 1)).isPresent() ? end + 1 - at : 0;
    }

    /** The character a reference such as {@code &eacute;} or {@code &#233;} stands for. */
    static OptionalInt decode(String reference) {
        String body = reference.substring(1, reference.length() - 1);
        try {
            if (body.startsWith("#x") || body.startsWith("#X")) {
                return validCodePoint(Integer.parseInt(body.substring(2), 16));
            }
            if (body.startsWith("#")) {
                return validCodePoint(Integer.parseInt(body.substring(1)));
            }
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
        Integer named = NAMED.get(body);
        return named == null ? OptionalInt.empty() : OptionalInt.of(named);
    }

    private static OptionalInt validCodePoint(int codePoint) {
        return codePoint > 0 && Character.isValidCodePoint(codePoint) ? OptionalInt.of(codePoint) : OptionalInt.empty();
    }
}
