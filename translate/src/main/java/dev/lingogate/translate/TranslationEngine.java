package dev.lingogate.translate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.edge.AwsService;
import dev.lingogate.translate.apertium.ApertiumMode;
import dev.lingogate.translate.apertium.ModeDirectory;
import dev.lingogate.translate.apertium.PipelinePool;
import dev.lingogate.translate.api.AmazonApis;
import dev.lingogate.translate.cache.TranslationCache;
import dev.lingogate.translate.glossary.GlossaryStore;
import dev.lingogate.translate.language.IsoLanguage;
import dev.lingogate.translate.language.LanguageDetector;
import dev.lingogate.translate.language.LanguagePair;
import dev.lingogate.translate.language.Lexicon;
import dev.lingogate.translate.remote.RemoteEngine;
import dev.lingogate.translate.remote.RemoteEngines;
import dev.lingogate.translate.routing.Chain;
import dev.lingogate.translate.routing.Translation;
import dev.lingogate.translate.routing.Translator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lingogate's translation engine: a pool of warm Apertium pipelines for every installed language
 * pair, chains of them through pivot languages for the pairs no mode serves directly, and a Lingua
 * language detector, served as Amazon Translate and Amazon Comprehend.
 *
 * <p>Lingua loads its models in the background while the rest of Lingogate starts. A pair's
 * pipelines start on its first request (about 0.2 s) and then stay warm, so the pairs nobody uses
 * cost no memory: eight pairs with every pipeline running are some 200 processes and 2.5 GB.
 * {@link #close()} stops every pipeline process.
 */
public final class TranslationEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationEngine.class);

    /** Languages Lingua tells apart besides the ones we translate, so that they are not mistaken for ours. */
    private static final Set<String> OTHER_DETECTED_LANGUAGES = Set.of("de", "it", "ru", "ja", "ko", "zh");

    private final Map<LanguagePair, PipelinePool> pools;
    private final Translator translator;
    private final List<String> missingPrerequisites;
    private final List<AwsService> translateServices;
    private final AwsService comprehendService;
    private final LanguageDetector detector;
    private final RemoteEngines remotes;

    private TranslationEngine(Map<LanguagePair, PipelinePool> pools, TranslationCache cache, RemoteEngines remotes,
            LanguageDetector detector, GlossaryStore glossaries,
            List<String> missing) {
        this.pools = Collections.unmodifiableMap(pools);
        this.translator = new Translator(pools, cache, remotes);
        this.remotes = remotes;
        this.missingPrerequisites = List.copyOf(missing);
        this.detector = detector;
        ObjectMapper mapper = new ObjectMapper();
        this.translateServices = AmazonApis.translate(translator, detector, glossaries, mapper);
        this.comprehendService = AmazonApis.comprehend(detector, mapper);
    }

    public static TranslationEngine start(TranslateOptions options) {
        List<String> missing = new ArrayList<>();
        ModeDirectory modes = new ModeDirectory(options.modesDir());
        if (!onPath("lt-proc") || !onPath("apertium-wblank-mode") || !modes.exists()) {
            missing.add("apertium is not installed (apt-get install apertium)");
        }
        Map<LanguagePair, PipelinePool> pools = new LinkedHashMap<>();
        for (ApertiumMode mode : modes.modes()) {
            Optional<LanguagePair> pair = pairOf(mode);
            if (pair.isEmpty() || pools.containsKey(pair.get())) {
                continue;
            }
            try {
                pools.put(pair.get(), new PipelinePool(mode, options.pipelinesPerPair(), options.requestTimeout(),
                        options.queuePerPair(), options.pipelineMemoryLimit()));
            } catch (IOException e) {
                LOG.warn("The Apertium mode {} cannot be started: {}", mode.name(), e.getMessage());
            }
        }
        if (missing.isEmpty() && pools.isEmpty()) {
            missing.add("no Apertium language pair installed in " + options.modesDir()
                    + " (apt-get install apertium-eng-spa, or another apertium-<pair> package)");
        }
        Set<String> detected = new TreeSet<>(OTHER_DETECTED_LANGUAGES);
        pools.keySet().forEach(pair -> {
            detected.add(pair.source());
            detected.add(pair.target());
        });
        LOG.info("Translating {} with up to {} pipeline(s) per pair, started on demand", pools.keySet(), options.pipelinesPerPair());
        GlossaryStore glossaries = options.dataDir()
                .map(dir -> GlossaryStore.open(dir.resolve("terminologies")))
                .orElseGet(GlossaryStore::inMemory);
        RemoteEngines remotes = new RemoteEngines(options.remoteEngines(), System::getenv);
        detected.addAll(remotes.languages());
        return new TranslationEngine(pools, new TranslationCache(options.cacheCharacters()), remotes,
                LanguageDetector.loading(detected, Lexicon.ofInstalledModes(modes)), glossaries, missing);
    }

    /**
     * Every service of the engine, to hand to the edge: Amazon Translate in AWS JSON 1.1 (the AWS
     * CLI) and in Smithy RPC v2 CBOR (the AWS SDK for Java v2), and Amazon Comprehend.
     */
    public List<AwsService> services() {
        List<AwsService> services = new ArrayList<>(translateServices);
        services.add(comprehendService);
        return List.copyOf(services);
    }

    /**
     * Amazon Translate (TranslateText, ListLanguages) in AWS JSON 1.1 only. The AWS SDK for Java v2
     * calls Translate in RPC v2 CBOR: wire {@link #services()} to serve it too.
     */
    public AwsService translateService() {
        return translateServices.get(0);
    }

    /** Amazon Comprehend: DetectDominantLanguage. */
    public AwsService comprehendService() {
        return comprehendService;
    }

    /** The directions an installed mode serves directly, e.g. {@code en-es}. */
    public Set<LanguagePair> pairs() {
        return pools.keySet();
    }

    /**
     * Every direction the engine translates, with the chain that serves it: one step for an
     * installed mode ({@link Chain#isDirect()}), more through pivot languages, e.g. {@code ca→en→es}.
     */
    public Map<LanguagePair, Chain> reachablePairs() {
        return translator.reachablePairs();
    }

    /**
     * The pairs no installed mode nor chain serves that remote engines were configured for by name,
     * each with the engines asked for it, in order. Engines configured without pairs are asked for
     * any pair and listed nowhere.
     */
    public Map<LanguagePair, List<RemoteEngine>> remotePairs() {
        return translator.remotePairs();
    }

    /**
     * Translates a text as Amazon Translate's TranslateText does, and tells which chain did it.
     *
     * @throws dev.lingogate.translate.routing.UnsupportedPair   if no chain reaches the target
     * @throws dev.lingogate.translate.apertium.PipelineFailure if the pipelines could not answer
     * @throws dev.lingogate.translate.apertium.QueueFull       if the pair is too busy to take it
     */
    public Translation translate(LanguagePair pair, String text) {
        return translator.translate(pair, text);
    }

    /** What must be installed for the engine to translate, worded for the person starting Lingogate. */
    public List<String> missingPrerequisites() {
        return missingPrerequisites;
    }

    /** The pipelines of one direction, for whoever must watch them. */
    public Optional<PipelinePool> pool(LanguagePair pair) {
        return Optional.ofNullable(pools.get(pair));
    }

    /** The finished translations kept, with their hits and misses, for the metrics. */
    public TranslationCache cache() {
        return translator.cache();
    }

    @Override
    public void close() {
        pools.values().forEach(PipelinePool::close);
        detector.close();
        remotes.close();
    }

    private static Optional<LanguagePair> pairOf(ApertiumMode mode) {
        Optional<String> source = IsoLanguage.ofApertiumCode(mode.source());
        Optional<String> target = IsoLanguage.ofApertiumCode(mode.target());
        return source.isPresent() && target.isPresent()
                ? Optional.of(new LanguagePair(source.get(), target.get()))
                : Optional.empty();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(java.io.File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
