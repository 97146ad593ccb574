package dev.lingogate.translate.routing;

import dev.lingogate.translate.remote.RemoteEngine;
import java.util.Optional;

/**
 * A finished translation and the chain of installed directions that made it.
 *
 * @param text   the translated text
 * @param chain  the directions the text went through; for a remote engine's translation, the pair itself
 * @param remote the remote engine that translated it, for a pair no Apertium chain serves
 */
public record Translation(String text, Chain chain, Optional<RemoteEngine> remote) {

    /** A translation by the Apertium pipelines along a chain. */
    public Translation(String text, Chain chain) {
        this(text, chain, Optional.empty());
    }
}
