package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.translate.apertium.TextFormat;
import dev.lingogate.translate.cache.TranslationCache;
import dev.lingogate.translate.language.LanguagePair;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TranslationCacheTest {

    private static final LanguagePair EN_ES = new LanguagePair("en", "es");

    private static TranslateOptions options() {
        return new TranslateOptions(TranslateOptions.defaults().modesDir(), 1, Duration.ofSeconds(15));
    }

    @Test
    void aTextAskedForAgainIsAnsweredFromTheCacheWithIdenticalBytes() {
        try (TranslationEngine engine = TranslationEngine.start(options())) {
            String first = engine.translate(EN_ES, "The house is big.").text();
            String second = engine.translate(EN_ES, "The house is big.").text();

            assertThat(second).isEqualTo(first).isEqualTo(ApertiumCli.translate("eng-spa", "The house is big."));
            assertThat(engine.cache().hits()).isEqualTo(1);
            assertThat(engine.cache().misses()).isEqualTo(1);
        }
    }

    @Test
    void withTheCacheOffEveryRequestGoesToTheEngine() {
        try (TranslationEngine engine = TranslationEngine.start(options().withoutCache())) {
            engine.translate(EN_ES, "The house is big.");
            engine.translate(EN_ES, "The house is big.");

            assertThat(engine.cache().isOn()).isFalse();
            assertThat(engine.cache().size()).isZero();
            assertThat(engine.cache().hits()).isZero();
        }
    }

    @Test
    void theFormatAndTheMarksArePartOfTheKey() {
        TranslationCache cache = new TranslationCache(1_000);
        AtomicInteger translations = new AtomicInteger();
        for (TextFormat format : TextFormat.values()) {
            for (boolean marks : new boolean[] {false, true}) {
                cache.translation(new TranslationCache.Key("v1", EN_ES, format, marks, "Hello"),
                        () -> "Hola" + translations.incrementAndGet());
            }
        }

        assertThat(translations).hasValue(4);
        assertThat(cache.translation(new TranslationCache.Key("v2", EN_ES, TextFormat.TEXT, false, "Hello"), () -> "new engine"))
                .isEqualTo("new engine");
    }

    @Test
    void theLeastRecentlyUsedTranslationsGoOnceTheBoundIsReached() {
        TranslationCache cache = new TranslationCache(40);
        for (int i = 0; i < 10; i++) {
            String translation = "texto " + i;
            cache.translation(key("text " + i), () -> translation);
            cache.translation(key("text 0"), () -> "recomputed");
            assertThat(cache.heldCharacters()).isLessThanOrEqualTo(40);
        }

        assertThat(cache.translation(key("text 0"), () -> "recomputed")).isEqualTo("texto 0");
        assertThat(cache.translation(key("text 1"), () -> "recomputed")).isEqualTo("recomputed");
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void aTextLargerThanTheWholeCacheIsTranslatedButNotKept() {
        TranslationCache cache = new TranslationCache(10);

        assertThat(cache.translation(key("a long text indeed"), () -> "un texto largo")).isEqualTo("un texto largo");
        assertThat(cache.size()).isZero();
    }

    private static TranslationCache.Key key(String text) {
        return new TranslationCache.Key("v1", EN_ES, TextFormat.TEXT, false, text);
    }
}
