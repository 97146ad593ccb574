package dev.lingogate.translate.glossary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text whose glossary terms are hidden from the translation engine: each source term is replaced
 * by a placeholder word that Apertium, knowing no such word, passes through untouched (and moves
 * with the sentence, as it would a proper noun), and the target term is put in its place
 * afterwards. So a term always comes out exactly as the glossary gives it, whatever Apertium would
 * have made of it.
 *
 * <p>Terms match regardless of letter case, whole words only, longest first; the target term takes
 * the case of the text it replaces as Amazon Translate documents it: a lowercase match gives the
 * term as written in the file, an uppercase match the term in uppercase, a title-case match (every
 * word capitalised) every word of the term capitalised, and any other mix the term as written.
 */
public final class ProtectedText {

    /** AWS lists at most this many applied terms, the first ones in the source text. */
    static final int MAX_APPLIED_TERMS = 250;
    private static final int SUFFIX_LETTERS = 3;

    private final String text;
    private final Pattern placeholders;
    private final List<String> replacements;
    private final List<TermPair> applied;
    private final Locale targetLocale;

    private ProtectedText(String text, Pattern placeholders, List<String> replacements, List<TermPair> applied, Locale targetLocale) {
        this.text = text;
        this.placeholders = placeholders;
        this.replacements = replacements;
        this.applied = applied;
        this.targetLocale = targetLocale;
    }

    /**
     * @param matcher        the glossary's terms for the translation's direction
     * @param targetLanguage the target language, for its upper-casing rules
     */
    public static ProtectedText protect(String text, TermMatcher matcher, String targetLanguage) {
        String prefix = placeholderPrefix(text);
        StringBuilder protectedText = new StringBuilder();
        List<String> replacements = new ArrayList<>();
        Set<TermPair> applied = new LinkedHashSet<>();
        Locale locale = Locale.forLanguageTag(targetLanguage);
        Matcher match = matcher.pattern().matcher(text);
        int last = 0;
        while (match.find()) {
            TermPair term = matcher.term(match.group());
            if (term == null) {
                // A case folding the pattern accepts but lower-casing does not reach: left as it is.
                continue;
            }
            protectedText.append(text, last, match.start()).append(prefix).append(suffix(replacements.size()));
            replacements.add(inCaseOf(match.group(), term.target(), locale));
            if (applied.size() < MAX_APPLIED_TERMS) {
                applied.add(term);
            }
            last = match.end();
        }
        protectedText.append(text, last, text.length());
        Pattern placeholders = Pattern.compile(Pattern.quote(prefix) + "([a-z]{" + SUFFIX_LETTERS + "})",
                Pattern.CASE_INSENSITIVE);
        return new ProtectedText(protectedText.toString(), placeholders, replacements, List.copyOf(applied), locale);
    }

    /** The text to translate, with a placeholder for each term. */
    public String text() {
        return text;
    }

    /** The glossary's terms that occur in the text, as the glossary gives them, first ones first. */
    public List<TermPair> applied() {
        return applied;
    }

    /** Puts the target terms in place of the placeholders the engine passed through. */
    public String restore(String translated) {
        if (replacements.isEmpty()) {
            return translated;
        }
        Matcher placeholder = placeholders.matcher(translated);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            int index = index(placeholder.group(1).toLowerCase(Locale.ROOT));
            String replacement = index < replacements.size() ? replacements.get(index) : placeholder.group();
            placeholder.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /**
     * A capitalised word of letters no language has, so Apertium takes it for an unknown proper
     * noun; lengthened until the text does not contain it in any case.
     */
    private static String placeholderPrefix(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder prefix = new StringBuilder("Zqxj");
        while (lower.contains(prefix.toString().toLowerCase(Locale.ROOT))) {
            prefix.append('q');
        }
        return prefix.toString();
    }

    private static String suffix(int index) {
        char[] letters = new char[SUFFIX_LETTERS];
        for (int i = SUFFIX_LETTERS - 1; i >= 0; i--) {
            letters[i] = (char) ('a' + index % 26);
            index /= 26;
        }
        return new String(letters);
    }

    private static int index(String suffix) {
        int index = 0;
        for (char letter : suffix.toCharArray()) {
            index = index * 26 + (letter - 'a');
        }
        return index;
    }

    static String inCaseOf(String matched, String target, Locale locale) {
        boolean hasLower = matched.codePoints().anyMatch(Character::isLowerCase);
        boolean hasUpper = matched.codePoints().anyMatch(Character::isUpperCase);
        if (!hasUpper) {
            return target;
        }
        if (!hasLower) {
            return target.toUpperCase(locale);
        }
        if (isTitleCase(matched)) {
            return capitaliseWords(target, locale);
        }
        return target;
    }

    private static boolean isTitleCase(String text) {
        for (String word : text.split("\\s+")) {
            if (!word.isEmpty() && (!Character.isUpperCase(word.codePointAt(0))
                    || word.substring(Character.charCount(word.codePointAt(0))).codePoints().anyMatch(Character::isUpperCase))) {
                return false;
            }
        }
        return true;
    }

    private static String capitaliseWords(String text, Locale locale) {
        StringBuilder out = new StringBuilder(text.length());
        boolean wordStart = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            out.append(wordStart ? new String(Character.toChars(c)).toUpperCase(locale) : new String(Character.toChars(c)));
            wordStart = Character.isWhitespace(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
