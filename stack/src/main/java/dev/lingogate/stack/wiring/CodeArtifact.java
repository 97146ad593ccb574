package dev.lingogate.stack.wiring;

import dev.lingogate.stack.template.FunctionSpec;
import dev.lingogate.stack.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Finds the code a function's CodeUri points at: a jar; a Maven module whose {@code target/}
 * holds the packaged jar (what {@code sam build} would produce from the same folder); or a folder
 * of compiled classes, as SAM also accepts.
 */
final class CodeArtifact {

    private CodeArtifact() {
    }

    static Path of(Path templateFolder, FunctionSpec function) {
        Path codeUri = templateFolder.resolve(function.codeUri()).normalize();
        if (Files.isRegularFile(codeUri) && codeUri.toString().endsWith(".jar")) {
            return codeUri;
        }
        Path target = codeUri.resolve("target");
        if (Files.isDirectory(codeUri) && !Files.isDirectory(target)) {
            return codeUri;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().startsWith("original-"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> notBuilt(function, target));
        } catch (IOException e) {
            throw notBuilt(function, target);
        }
    }

    private static TemplateException notBuilt(FunctionSpec function, Path target) {
        return new TemplateException(function.logicalId() + ": no packaged jar in " + target
                + " (CodeUri: " + function.codeUri() + "); build it with: mvn -DskipTests package");
    }
}
