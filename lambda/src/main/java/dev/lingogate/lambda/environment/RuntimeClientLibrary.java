package dev.lingogate.lambda.environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The runtime interface client's JNI library, unpacked once per host.
 *
 * <p>Left to itself, the client unpacks its library to the fixed path
 * {@code /tmp/.libaws-lambda-jni.so} in every JVM it starts. On Lambda each environment has its own
 * /tmp; here environments share one, and JVMs starting together overwrite the file while another
 * one maps it, which kills that JVM with SIGBUS. The client loads the file named by a system property
 * instead when it is set, so the host unpacks the library once to a path of its own.
 */
final class RuntimeClientLibrary {

    /** The system property the client reads before falling back to /tmp. */
    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private RuntimeClientLibrary() {
    }

    /** Unpacks the library that fits this machine from the client's jar into {@code directory}. */
    static synchronized Path unpack(List<Path> runtimeClientJars, Path directory) {
        Path jar = runtimeClientJars.stream()
                .filter(j -> j.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no aws-lambda-java-runtime-interface-client jar"));
        String name = "libaws-lambda-jni." + platform() + ".so";
        Path target = directory.resolve(name);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("jni/" + name);
            if (entry == null) {
                throw new IllegalStateException(jar + " has no JNI library for this machine (" + name + ")");
            }
            if (Files.isRegularFile(target) && Files.size(target) == entry.getSize()) {
                return target;
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, name, ".part");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            // Renamed into place whole, so that a JVM never maps a half-written library.
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's library into " + directory, e);
        }
    }

    private static String platform() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64";
        boolean musl = Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        return (musl ? "linux_musl-" : "linux-") + cpu;
    }
}
