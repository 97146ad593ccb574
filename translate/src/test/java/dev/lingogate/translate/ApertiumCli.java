package dev.lingogate.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Apertium's own command-line programs, run once per call: the reference the warm pipelines must match. */
public final class ApertiumCli {

    private ApertiumCli() {
    }

    /** What {@code apertium -u <mode>} answers for the text. */
    public static String translate(String mode, String text) {
        return run(List.of("apertium", "-u", mode), text);
    }

    /** What piping {@code apertium -u} through each mode in turn answers: the reference for a pivot chain. */
    public static String translateThrough(String text, String... modes) {
        String translated = text;
        for (String mode : modes) {
            translated = translate(mode, translated);
        }
        return translated;
    }

    public static String run(List<String> command, String input) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process process = builder.start();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String result = new String(output.join(), StandardCharsets.UTF_8);
            process.waitFor();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
