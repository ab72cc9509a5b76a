package io.llmops.observability.internal.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file: {@code KEY=VALUE} lines, optional {@code export } prefix, single or
 * double quotes, {@code #} comments. A malformed line raises IllegalArgumentException naming the
 * file and line. Internal.
 */
public final class DotEnv {

  private DotEnv() {}

  /** The file's variables, or an empty map when it does not exist. */
  public static Map<String, String> read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return Map.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return parse(file.toString(), lines);
  }

  static Map<String, String> parse(String origin, List<String> lines) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip(); // a byte order mark written by some editors
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? "" : line.substring(0, eq).strip();
      if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
        throw new IllegalArgumentException(
            origin + " line " + (i + 1) + ": expected KEY=VALUE, got '" + lines.get(i) + "'");
      }
      values.put(key, unquote(line.substring(eq + 1).strip()));
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if (first == '"' || first == '\'') {
        int close = value.indexOf(first, 1);
        if (close > 0 && value.substring(close + 1).strip().startsWith("#")) {
          return value.substring(1, close); // KEY="value"  # comment
        }
        if (value.charAt(value.length() - 1) == first) {
          return value.substring(1, value.length() - 1);
        }
      }
    }
    int comment = value.indexOf(" #");
    return comment >= 0 ? value.substring(0, comment).strip() : value;
  }
}
