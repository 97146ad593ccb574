package dev.lingogate.lambda.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Notices a new build of a function's code (its jar rewritten by {@code mvn package}, or a class in
 * its class directory recompiled) by the paths, sizes and modification times of its files, as SAM's
 * {@code --warm-containers LAZY} notices it: when an invocation comes, looking at most once a second.
 *
 * <p>A build still being written is left until it has been still for a moment, so that no
 * environment starts on half a jar.
 */
final class CodeWatch {

    private static final long LOOK_EVERY_NANOS = 1_000_000_000L;
    private static final long SETTLED_AFTER_MILLIS = 300;

    private final List<Path> classpath;
    private final AtomicLong lastLookNanos = new AtomicLong(System.nanoTime());
    // Written only by the thread that won the look.
    private volatile long seen;

    private record Stamp(long fingerprint, long newestMillis) {}

    CodeWatch(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
        this.seen = stamp().fingerprint();
    }

    /**
     * True, once, when the code differs from what it was when last said; false when it is the same,
     * still being written, or looked at less than a second ago.
     */
    boolean changed() {
        long now = System.nanoTime();
        long last = lastLookNanos.get();
        if (now - last < LOOK_EVERY_NANOS || !lastLookNanos.compareAndSet(last, now)) {
            return false;
        }
        Stamp stamp = stamp();
        if (stamp.fingerprint() == seen || System.currentTimeMillis() - stamp.newestMillis() < SETTLED_AFTER_MILLIS) {
            return false;
        }
        seen = stamp.fingerprint();
        return true;
    }

    private Stamp stamp() {
        long fingerprint = 17;
        long newest = 0;
        for (Path entry : classpath) {
            for (Path file : filesOf(entry)) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    long modified = attributes.lastModifiedTime().toMillis();
                    fingerprint = 31 * fingerprint + file.hashCode();
                    fingerprint = 31 * fingerprint + attributes.size();
                    fingerprint = 31 * fingerprint + modified;
                    newest = Math.max(newest, modified);
                } catch (IOException e) {
                    // Deleted while we looked: a build is under way; the next look sees its result.
                    fingerprint = 31 * fingerprint + file.hashCode();
                    newest = System.currentTimeMillis();
                }
            }
        }
        return new Stamp(fingerprint, newest);
    }

    private static List<Path> filesOf(Path entry) {
        if (!Files.isDirectory(entry)) {
            return List.of(entry);
        }
        try (Stream<Path> files = Files.walk(entry)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException | UncheckedIOException e) {
            // The directory is being rebuilt (mvn clean): it counts as changed, and unsettled.
            return List.of(entry);
        }
    }
}
