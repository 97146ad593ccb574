package dev.lingogate.translate.apertium;

import dev.lingogate.edge.process.OwnSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One installed translation direction, such as {@code eng-spa}, described by its mode file in
 * Apertium's modes directory.
 *
 * @param name   the mode's name, e.g. {@code eng-spa} or {@code fr-es}
 * @param source the source language as the pair names it, e.g. {@code eng} or {@code fr}
 * @param target the target language as the pair names it
 * @param file   the {@code .mode} file
 */
public record ApertiumMode(String name, String source, String target, Path file) {

    /**
     * The programs of this mode's pipeline, each as the words of its command line, exactly as
     * {@code apertium -u} runs them for plain text, or as {@code apertium} without {@code -u} when
     * unknown words are to be marked.
     *
     * <p>The pipeline comes from {@code apertium-wblank-mode -z}, the tool {@code apertium} itself
     * uses: it adds {@code apertium-wblank-attach}/{@code -detach} around the transfer stages
     * and {@code -z} (flush at every NUL) to each program. In the mode text, {@code $1} is the
     * generator's option, {@code -n} for {@code -u} (no unknown-word marks; {@code -g} would
     * mark them: {@code *} unknown, {@code @} untranslated lemma, {@code #} generation error), and
     * {@code $2} the tagger's optional {@code -m}, which {@code apertium} passes empty.
     */
    public List<List<String>> pipeline() throws IOException {
        return pipeline(false);
    }

    /** The programs of the pipeline, marking unknown words or not; see {@link #pipeline()}. */
    public List<List<String>> pipeline(boolean markUnknownWords) throws IOException {
        String modeText = wblankMode();
        List<List<String>> programs = new ArrayList<>();
        for (String command : modeText.split("\\|")) {
            List<String> words = new ArrayList<>();
            for (String word : CommandLine.words(command)) {
                if (word.equals("$1")) {
                    words.add(markUnknownWords ? "-g" : "-n");
                } else if (!word.equals("$2")) {
                    words.add(word);
                }
            }
            if (!words.isEmpty()) {
                programs.add(words);
            }
        }
        return programs;
    }

    /**
     * The version of the engine this mode runs: a digest of its programs and of the size and
     * modification time of every data file they load. A package upgrade that changes a dictionary
     * or a rule file changes it, so a cached translation is never served by a newer engine.
     */
    public String version() throws IOException {
        MessageDigest digest = sha256();
        for (List<String> program : pipeline(false)) {
            for (String word : program) {
                digest.update(word.getBytes(StandardCharsets.UTF_8));
                Path data = Path.of(word);
                if (word.startsWith("/") && Files.isRegularFile(data)) {
                    digest.update((Files.size(data) + ":" + Files.getLastModifiedTime(data).toMillis())
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private String wblankMode() throws IOException {
        Process process = OwnSession.builder("apertium-wblank-mode", "-z", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || text.isEmpty()) {
                process.destroyForcibly();
                throw new IOException("apertium-wblank-mode could not read the mode " + file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the mode " + file, e);
        }
        return text;
    }
}
