package dev.lingogate.translate.apertium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Apertium's modes directory ({@code /usr/share/apertium/modes} on Debian): one {@code .mode} file
 * per installed translation direction. Only a pair's default directions count; variants such as
 * {@code eng-cat_valencia} or {@code es-pt_BR} and helper modes such as {@code eco-es-fr} are left
 * out.
 */
public final class ModeDirectory {

    private static final Pattern DEFAULT_DIRECTION = Pattern.compile("([a-z]{2,3})-([a-z]{2,3})\\.mode");

    private final Path directory;

    public ModeDirectory(Path directory) {
        this.directory = directory;
    }

    public Path path() {
        return directory;
    }

    public boolean exists() {
        return Files.isDirectory(directory);
    }

    public List<ApertiumMode> modes() {
        if (!exists()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(ModeDirectory::asMode)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing(ApertiumMode::name))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<ApertiumMode> asMode(Path file) {
        Matcher name = DEFAULT_DIRECTION.matcher(file.getFileName().toString());
        if (!name.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new ApertiumMode(name.group(1) + "-" + name.group(2), name.group(1), name.group(2), file));
    }
}
