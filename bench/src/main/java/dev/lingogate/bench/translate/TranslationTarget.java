package dev.lingogate.bench.translate;

/**
 * A server that translates one English sentence into Spanish per request, the way its own clients
 * call it. {@link #translate} returns the translation or throws: a thrown request counts as an error.
 * Implementations are called from many threads at once.
 */
interface TranslationTarget extends AutoCloseable {

    /** The row label: what is being measured, as a reader of the table knows it. */
    String label();

    String translate(String sentence) throws Exception;

    @Override
    void close();
}
