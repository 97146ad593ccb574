package dev.lingogate.gateway.statics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory the web page is served from, and the only one: a request path is resolved inside
 * it or refused. Anything that could climb out ({@code ..} raw or percent-encoded, backslashes,
 * NUL, a symlink pointing outside) is refused before or after resolution, never followed.
 */
public final class WebRoot {

  /** What a request path leads to: a file inside the root, nothing, or an attempt to leave it. */
  public sealed interface Lookup {
    record Found(Path file, String contentType, long size) implements Lookup {}

    record Absent() implements Lookup {}

    record Refused(String reason) implements Lookup {}
  }

  private final Path root;

  public WebRoot(Path directory) {
    try {
      this.root = directory.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("web root " + directory + " is not readable", e);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("web root " + directory + " is not a directory");
    }
  }

  /** Looks a raw (still percent-encoded) request path up. Blocking: touches the file system. */
  public Lookup find(String rawPath) {
    if (!rawPath.startsWith("/")) {
      return new Lookup.Refused("path is not absolute");
    }
    String path;
    try {
      path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new Lookup.Refused("malformed percent escape");
    }
    if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.indexOf('%') >= 0) {
      return new Lookup.Refused("backslash, NUL or double encoding in path");
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return new Lookup.Refused("dot segment in path");
      }
    }
    if (path.endsWith("/")) {
      path = path + "index.html";
    }
    Path candidate = root.resolve(path.substring(1)).normalize();
    if (!candidate.startsWith(root)) {
      return new Lookup.Refused("path resolves outside the web root");
    }
    if (!Files.exists(candidate)) {
      return new Lookup.Absent();
    }
    try {
      Path real = candidate.toRealPath();
      if (!real.startsWith(root)) {
        return new Lookup.Refused("symlink leads outside the web root");
      }
      if (!Files.isRegularFile(real) || !Files.isReadable(real)) {
        return new Lookup.Absent();
      }
      return new Lookup.Found(real, ContentTypes.of(real.getFileName().toString()), Files.size(real));
    } catch (IOException e) {
      return new Lookup.Absent();
    }
  }
}
