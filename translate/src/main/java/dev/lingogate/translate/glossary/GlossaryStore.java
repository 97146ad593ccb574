package dev.lingogate.translate.glossary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.translate.language.LanguagePair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The account's custom terminologies, kept durably: one JSON file per terminology in a directory,
 * written whole to a temporary file and moved into place, so that a crash leaves the old version
 * or the new one, never half of either. All of them are read at start and served from memory.
 * A store without a directory keeps them in memory only.
 */
public final class GlossaryStore {

    /** Amazon Translate's quota of custom terminologies per account and region. */
    public static final int MAX_GLOSSARIES = 100;

    private final Optional<Path> directory;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ConcurrentSkipListMap<String, Glossary> glossaries = new ConcurrentSkipListMap<>();
    private final Map<MatcherKey, TermMatcher> matchers = new ConcurrentHashMap<>();

    private record MatcherKey(String name, Instant version, LanguagePair pair) {
    }

    private GlossaryStore(Optional<Path> directory) {
        this.directory = directory;
    }

    /** A store that forgets its terminologies when the engine stops. */
    public static GlossaryStore inMemory() {
        return new GlossaryStore(Optional.empty());
    }

    /** Opens the store in a directory, created if missing, with every terminology saved there before. */
    public static GlossaryStore open(Path directory) {
        GlossaryStore store = new GlossaryStore(Optional.of(directory));
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".json")).toList()) {
                    Glossary glossary = store.read(file);
                    store.glossaries.put(glossary.name(), glossary);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The terminology directory " + directory + " cannot be read", e);
        }
        return store;
    }

    public Optional<Glossary> get(String name) {
        return Optional.ofNullable(glossaries.get(name));
    }

    /** The matcher of a terminology's terms for one direction, built on first use. */
    public TermMatcher matcher(Glossary glossary, LanguagePair pair) {
        return matchers.computeIfAbsent(new MatcherKey(glossary.name(), glossary.lastUpdatedAt(), pair),
                key -> new TermMatcher(glossary.termsFor(pair)));
    }

    /** Every terminology, by name. */
    public List<Glossary> all() {
        return List.copyOf(glossaries.values());
    }

    /**
     * Saves a terminology, replacing one of the same name.
     *
     * @throws TooManyGlossaries if it is new and the store holds {@value #MAX_GLOSSARIES} already
     */
    public synchronized Glossary put(Glossary glossary) {
        Optional<Glossary> previous = get(glossary.name());
        if (previous.isEmpty() && glossaries.size() >= MAX_GLOSSARIES) {
            throw new TooManyGlossaries(MAX_GLOSSARIES);
        }
        Glossary saved = glossary.replacing(previous);
        write(saved);
        glossaries.put(saved.name(), saved);
        forgetMatchers(saved.name());
        return saved;
    }

    /** @return whether there was a terminology of that name */
    public synchronized boolean delete(String name) {
        if (glossaries.remove(name) == null) {
            return false;
        }
        forgetMatchers(name);
        if (directory.isEmpty()) {
            return true;
        }
        try {
            Files.deleteIfExists(file(name));
            for (String format : TermTable.FORMATS) {
                Files.deleteIfExists(dataFile(name, format));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The terminology " + name + " cannot be deleted", e);
        }
        return true;
    }

    /**
     * Writes a terminology's data in a format to a file of its own, for GetTerminology's data
     * location; empty for a store in memory.
     */
    public Optional<Path> writeDataFile(String name, String format, byte[] data) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = dataFile(name, format);
        try {
            Path partial = Files.createTempFile(directory.get(), name, ".part");
            Files.write(partial, data);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The terminology " + name + " cannot be written out", e);
        }
        return Optional.of(file);
    }

    private void write(Glossary glossary) {
        if (directory.isEmpty()) {
            return;
        }
        ObjectNode json = mapper.createObjectNode()
                .put("Name", glossary.name())
                .put("Description", glossary.description())
                .put("Directionality", glossary.directionality())
                .put("Format", glossary.terms().format())
                .put("CreatedAt", glossary.createdAt().toString())
                .put("LastUpdatedAt", glossary.lastUpdatedAt().toString())
                .put("File", glossary.file());
        try {
            Path partial = Files.createTempFile(directory.get(), glossary.name(), ".part");
            mapper.writeValue(partial.toFile(), json);
            Files.move(partial, file(glossary.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The terminology " + glossary.name() + " cannot be saved in " + directory.get(), e);
        }
    }

    private Glossary read(Path file) throws IOException {
        JsonNode json = mapper.readTree(file.toFile());
        byte[] data = json.get("File").binaryValue();
        return new Glossary(json.get("Name").asText(), json.get("Description").asText(), json.get("Directionality").asText(),
                TermTable.parse(json.get("Format").asText(), data), data,
                Instant.parse(json.get("CreatedAt").asText()), Instant.parse(json.get("LastUpdatedAt").asText()));
    }

    private void forgetMatchers(String name) {
        matchers.keySet().removeIf(key -> key.name().equals(name));
    }

    private Path dataFile(String name, String format) {
        return directory.orElseThrow().resolve(name + "." + format.toLowerCase(Locale.ROOT));
    }

    private Path file(String name) {
        // Names match ^([A-Za-z0-9-]_?)+$, so they are safe file names as they are.
        return directory.orElseThrow().resolve(name + ".json");
    }
}
