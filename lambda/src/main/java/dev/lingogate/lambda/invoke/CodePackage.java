package dev.lingogate.lambda.invoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function's code as Lambda describes it: {@code CodeSize} in bytes and {@code CodeSha256}, the
 * base64 SHA-256 of the package. The code here is jars or class directories rather than one zip, so
 * the digest covers every file, with its path inside a directory, in a fixed order.
 */
record CodePackage(long size, String sha256) {

    static CodePackage of(List<Path> classpath) {
        MessageDigest digest = newSha256();
        long size = 0;
        for (Path entry : classpath) {
            for (Path file : filesOf(entry)) {
                try {
                    byte[] content = Files.readAllBytes(file);
                    digest.update(entry.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(content);
                    size += content.length;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the function's code " + file, e);
                }
            }
        }
        return new CodePackage(size, Base64.getEncoder().encodeToString(digest.digest()));
    }

    private static List<Path> filesOf(Path entry) {
        if (!Files.isDirectory(entry)) {
            return Files.isRegularFile(entry) ? List.of(entry) : List.of();
        }
        try (Stream<Path> files = Files.walk(entry)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the function's code " + entry, e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
