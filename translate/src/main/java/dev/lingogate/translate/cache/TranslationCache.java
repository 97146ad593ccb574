package dev.lingogate.translate.cache;

import dev.lingogate.translate.apertium.TextFormat;
import dev.lingogate.translate.language.LanguagePair;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finished translations kept in memory, least recently used dropped first, so a text asked for
 * again is answered without the pipelines. Bounded by the characters it holds (texts and
 * translations), not by entries, because one entry may be 10,000 bytes and another ten.
 *
 * <p>A translation is keyed by everything that decides it: the engine's version (the data files
 * of the modes it went through, so an upgraded package never serves an old translation), the
 * pair, the format, whether unknown words are marked, and the exact text the engine was given;
 * a text protected by a glossary reaches the engine with its terms already replaced, so the
 * glossary's content is part of that text. A remote engine's version is not known: its kind and
 * address stand for it, so its translations are kept until they are the least recently used.
 */
public final class TranslationCache {

    /**
     * @param engineVersion the versions of the modes the translation goes through
     */
    public record Key(String engineVersion, LanguagePair pair, TextFormat format, boolean markUnknownWords, String text) {
    }

    private final long capacity;
    private final Map<Key, String> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long held;
    private long hits;
    private long misses;

    /** @param capacity characters of texts and translations the cache may hold; 0 turns it off */
    public TranslationCache(long capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the cache's capacity must not be negative, not " + capacity);
        }
        this.capacity = capacity;
    }

    public static TranslationCache off() {
        return new TranslationCache(0);
    }

    /**
     * The cached translation for the key, or the one {@code translation} makes, kept for next time.
     * A failure of {@code translation} is not cached. Two requests for the same new text may both
     * translate it: a lock held across a translation would queue every other request behind it.
     */
    public String translation(Key key, Supplier<String> translation) {
        if (capacity == 0) {
            return translation.get();
        }
        Optional<Map.Entry<Key, String>> kept = kept(List.of(key));
        if (kept.isPresent()) {
            return kept.get().getValue();
        }
        String translated = translation.get();
        keep(key, translated);
        return translated;
    }

    /**
     * The translation kept under the first of {@code keys} that has one, with that key: one hit; or
     * none, one miss. Several keys stand for the engines that may translate a text, in the order
     * they are asked.
     */
    public synchronized Optional<Map.Entry<Key, String>> kept(List<Key> keys) {
        if (capacity == 0) {
            return Optional.empty();
        }
        for (Key key : keys) {
            String cached = entries.get(key);
            if (cached != null) {
                hits++;
                return Optional.of(Map.entry(key, cached));
            }
        }
        misses++;
        return Optional.empty();
    }

    /** Keeps a translation for next time, dropping the least recently used ones beyond the bound. */
    public void keep(Key key, String translated) {
        long weight = weight(key, translated);
        if (capacity == 0 || weight > capacity) {
            return;
        }
        synchronized (this) {
            String previous = entries.put(key, translated);
            held += weight - (previous == null ? 0 : weight(key, previous));
            Iterator<Map.Entry<Key, String>> eldest = entries.entrySet().iterator();
            while (held > capacity) {
                Map.Entry<Key, String> entry = eldest.next();
                held -= weight(entry.getKey(), entry.getValue());
                eldest.remove();
            }
        }
    }

    public boolean isOn() {
        return capacity > 0;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    /** Characters of texts and translations held now; never more than the capacity. */
    public synchronized long heldCharacters() {
        return held;
    }

    public synchronized int size() {
        return entries.size();
    }

    private static long weight(Key key, String translation) {
        return key.text().length() + translation.length();
    }
}
