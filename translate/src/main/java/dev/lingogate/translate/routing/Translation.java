package dev.lingogate.translate.routing;

/**
 * A finished translation and the chain of installed directions that made it.
 *
 * @param text  the translated text
 * @param chain the directions the text went through
 */
public record Translation(String text, Chain chain) {
}
