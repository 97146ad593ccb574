package dev.lingogate.translate.remote;

/** A translation a remote engine made, and which engine made it. */
public record RemoteTranslation(String text, RemoteEngine engine) {
}
