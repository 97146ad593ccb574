package dev.lingogate.translate.remote;

import dev.lingogate.translate.language.LanguagePair;

/** One attempt at a translation by one remote engine, in the API it speaks. */
interface RemoteTranslator extends AutoCloseable {

    /**
     * @param html whether the text is HTML whose markup is to be kept
     * @throws RemoteFailure if the engine gave no translation
     */
    String translate(String text, LanguagePair pair, boolean html) throws RemoteFailure;

    @Override
    default void close() {
    }
}
