package dev.lingogate.translate.glossary;

import dev.lingogate.translate.language.LanguagePair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A custom terminology as Amazon Translate keeps it: the terms of a few languages, row by row, and
 * the file they were imported from.
 *
 * @param name           its name, unique in the account
 * @param description    what it is for, possibly empty
 * @param directionality {@code UNI}: the first language is the only source; {@code MULTI}: any
 *                       language of the file translates into any other
 * @param terms          the parsed file: its languages and rows
 * @param file           the file as imported, in {@code terms.format()}
 * @param createdAt      when a terminology of this name was first imported
 * @param lastUpdatedAt  when this version was imported
 */
public record Glossary(String name, String description, String directionality, TermTable terms, byte[] file,
        Instant createdAt, Instant lastUpdatedAt) {

    public static final String UNI = "UNI";
    public static final String MULTI = "MULTI";

    public String sourceLanguage() {
        return terms.languages().get(0);
    }

    /** For {@code UNI}, every language but the first; for {@code MULTI}, every language of the file. */
    public List<String> targetLanguages() {
        List<String> languages = terms.languages();
        return directionality.equals(UNI) ? languages.subList(1, languages.size()) : languages;
    }

    /**
     * The term pairs that apply to a translation direction: source term and target term from the
     * same row, both non-empty. Empty if the glossary does not cover the direction.
     */
    public List<TermPair> termsFor(LanguagePair pair) {
        int source = terms.languages().indexOf(pair.source());
        int target = terms.languages().indexOf(pair.target());
        boolean covered = source >= 0 && target >= 0 && source != target
                && (directionality.equals(MULTI) || source == 0);
        if (!covered) {
            return List.of();
        }
        List<TermPair> pairs = new ArrayList<>();
        for (List<String> row : terms.rows()) {
            if (!row.get(source).isEmpty() && !row.get(target).isEmpty()) {
                pairs.add(new TermPair(row.get(source), row.get(target)));
            }
        }
        return pairs;
    }

    /** The first import's creation time, carried over when a terminology is overwritten. */
    public Glossary replacing(Optional<Glossary> previous) {
        return previous.map(old -> new Glossary(name, description, directionality, terms, file, old.createdAt(), lastUpdatedAt))
                .orElse(this);
    }
}
