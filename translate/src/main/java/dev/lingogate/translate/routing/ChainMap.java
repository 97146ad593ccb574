package dev.lingogate.translate.routing;

import dev.lingogate.translate.language.LanguagePair;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every direction reachable from the installed ones, each with its shortest chain: the direct mode
 * where one is installed, otherwise the fewest installed modes through pivot languages. Each extra
 * step costs time and some quality, so fewer steps always win; among equally short chains, the
 * one found first when pivots are tried in alphabetical order is taken, so that the same
 * installation always translates the same way.
 */
public final class ChainMap {

    private final Map<LanguagePair, Chain> chains;

    public ChainMap(Set<LanguagePair> installed) {
        Map<String, TreeSet<String>> targets = new TreeMap<>();
        installed.forEach(pair -> targets.computeIfAbsent(pair.source(), source -> new TreeSet<>()).add(pair.target()));
        Map<LanguagePair, Chain> found = new LinkedHashMap<>();
        targets.keySet().forEach(source -> found.putAll(shortestFrom(source, targets)));
        this.chains = Collections.unmodifiableMap(found);
    }

    /** The chain that serves {@code pair}, if any does. */
    public Optional<Chain> chain(LanguagePair pair) {
        return Optional.ofNullable(chains.get(pair));
    }

    /** Every reachable direction and its chain, ordered by source, then target. */
    public Map<LanguagePair, Chain> all() {
        return chains;
    }

    /** Breadth first from {@code source}: the first time a language is reached is over the fewest steps. */
    private static Map<LanguagePair, Chain> shortestFrom(String source, Map<String, TreeSet<String>> targets) {
        Map<String, String> reachedFrom = new HashMap<>();
        reachedFrom.put(source, source);
        Queue<String> frontier = new ArrayDeque<>(List.of(source));
        List<String> reachedInOrder = new ArrayList<>();
        while (!frontier.isEmpty()) {
            String language = frontier.remove();
            for (String next : targets.getOrDefault(language, new TreeSet<>())) {
                if (!reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, language);
                    reachedInOrder.add(next);
                    frontier.add(next);
                }
            }
        }
        Map<LanguagePair, Chain> chains = new TreeMap<>(Comparator.comparing(LanguagePair::target));
        for (String target : reachedInOrder) {
            List<LanguagePair> steps = new ArrayList<>();
            for (String at = target; !at.equals(source); at = reachedFrom.get(at)) {
                steps.add(0, new LanguagePair(reachedFrom.get(at), at));
            }
            chains.put(new LanguagePair(source, target), new Chain(steps));
        }
        return chains;
    }
}
