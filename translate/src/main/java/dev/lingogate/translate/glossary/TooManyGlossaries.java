package dev.lingogate.translate.glossary;

/** The account holds as many custom terminologies as Amazon Translate allows. */
public final class TooManyGlossaries extends RuntimeException {

    public TooManyGlossaries(int limit) {
        super("The account already holds " + limit + " custom terminologies, the most Amazon Translate allows per account "
                + "and Region. Delete one before importing another.");
    }
}
