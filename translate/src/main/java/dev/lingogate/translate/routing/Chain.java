package dev.lingogate.translate.routing;

import dev.lingogate.translate.language.LanguagePair;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed directions a translation goes through, in order: one for a direct pair
 * ({@code en-es}), more through pivot languages when no direct mode exists ({@code ca-en},
 * {@code en-es} for {@code ca-es}). Each step translates the text the step before it answered.
 *
 * @param steps at least one direction, each starting where the one before it ends
 */
public record Chain(List<LanguagePair> steps) {

    public Chain {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least one step");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i).source().equals(steps.get(i - 1).target())) {
                throw new IllegalArgumentException("the chain " + steps + " is broken at step " + i);
            }
        }
    }

    /** The direction the chain serves: from the first step's source to the last step's target. */
    public LanguagePair pair() {
        return new LanguagePair(steps.get(0).source(), steps.get(steps.size() - 1).target());
    }

    /** Whether an installed mode serves the pair itself, with no pivot language. */
    public boolean isDirect() {
        return steps.size() == 1;
    }

    /** The languages the text passes through, source first: {@code [ca, en, es]}. */
    public List<String> languages() {
        List<String> languages = new ArrayList<>();
        languages.add(steps.get(0).source());
        steps.forEach(step -> languages.add(step.target()));
        return languages;
    }

    /** The chain as its languages joined by arrows, e.g. {@code ca→en→es}. */
    @Override
    public String toString() {
        return String.join("→", languages());
    }
}
