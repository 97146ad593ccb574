package dev.lingogate.lambda.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The AppCDS archive of one function's classes, to cut its cold start: the first environment of the
 * function runs with {@code -XX:ArchiveClassesAtExit}, and its JVM writes every class it loaded (the
 * runtime client's, the handler's, the SDK's it used) when it ends gracefully; every later
 * environment maps that archive with {@code -XX:SharedArchiveFile} instead of loading and verifying
 * those classes again (an echo function's JVM start to handler ready fell from about 180 ms to 150 ms).
 *
 * <p>The archive is named for the JVM and the code it was made from, so that a new build of the
 * function (or a new JDK) gets a new archive rather than a stale one. Class data sharing takes only
 * jars: a function whose code is a directory of classes goes without.
 */
final class ClassDataArchive {

    /** The JVM's own notes on archives (classes skipped, an archive not matching) are not the function's output. */
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path archive;
    private final Path partial;
    private final AtomicBoolean writing = new AtomicBoolean();

    private ClassDataArchive(Path archive) {
        this.archive = archive;
        this.partial = archive == null ? null : archive.resolveSibling(archive.getFileName() + ".part");
    }

    /** The archive of a function whose JVM is {@code java} and whose classpath is {@code classpath}, kept in {@code directory}. */
    static ClassDataArchive of(Path directory, Path java, List<Path> classpath) {
        if (classpath.stream().anyMatch(Files::isDirectory)) {
            return new ClassDataArchive(null);
        }
        Path archive;
        try {
            archive = directory.resolve(fingerprint(java, classpath) + ".jsa");
        } catch (IOException e) {
            // Code that cannot be read fails at its first start, with the runtime's own words.
            return new ClassDataArchive(null);
        }
        try {
            Files.createDirectories(directory);
            // Archives of earlier builds are of no more use.
            try (Stream<Path> files = Files.list(directory)) {
                for (Path stale : files.filter(file -> !file.equals(archive)).toList()) {
                    Files.deleteIfExists(stale);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the class data archive directory " + directory, e);
        }
        return new ClassDataArchive(archive);
    }

    /**
     * The JVM options of the next environment: the archive if there is one; else, for one
     * environment at a time, the option to write it, and then {@code writes} is true.
     */
    Launch nextLaunch() {
        if (archive == null) {
            return new Launch(List.of(), false);
        }
        if (Files.isRegularFile(archive)) {
            return new Launch(List.of("-XX:SharedArchiveFile=" + archive, QUIET), false);
        }
        if (writing.compareAndSet(false, true)) {
            return new Launch(List.of("-XX:ArchiveClassesAtExit=" + partial, QUIET), true);
        }
        return new Launch(List.of(), false);
    }

    /**
     * The JVM writing the archive ended with {@code exitStatus}. A JVM that exited, or stopped on
     * SIGTERM or SIGINT (the host sends the first; the second only a person's {@code kill}, as function
     * JVMs run in sessions of their own, out of reach of the terminal's Ctrl-C), wrote the archive whole
     * before it ended; one killed or crashed may have left part of it.
     */
    void writerExited(int exitStatus) {
        try {
            boolean whole = exitStatus < 128 || exitStatus == 128 + 15 || exitStatus == 128 + 2;
            if (whole && Files.isRegularFile(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // Without an archive the function starts as it did before; the next environment tries again.
        } finally {
            writing.set(false);
        }
    }

    /** How an environment's JVM starts: its archive options, and whether it writes the archive when it ends. */
    record Launch(List<String> jvmOptions, boolean writesArchive) {}

    private static String fingerprint(Path java, List<Path> classpath) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : Stream.concat(Stream.of(java), classpath.stream()).toList()) {
                Path real = file.toRealPath();
                digest.update((real + "|" + Files.size(real) + "|" + Files.getLastModifiedTime(real).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
