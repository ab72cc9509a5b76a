package io.llmops.observability.internal.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code .env} file the way python-dotenv and Node's dotenv do: {@code KEY=VALUE} lines,
 * an optional {@code export } prefix, {@code #} comments, and quoted values that may span lines
 * (a PEM key, for example). Double quotes expand {@code \n}, {@code \r}, {@code \t},
 * {@code \"} and {@code \\}; single quotes and backticks keep their content as written.
 *
 * <p>A malformed file raises IllegalArgumentException naming the file, the line and, when it is
 * well formed, the key. An error never quotes a value or the text of a line: either may be a
 * secret. Internal.
 */
public final class DotEnv {

  private static final String KEY_PATTERN = "[A-Za-z_][A-Za-z0-9_.]*";

  private DotEnv() {}

  /** The file's variables, or an empty map when it does not exist. */
  public static Map<String, String> read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return Map.of();
    }
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not valid UTF-8");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return parse(file.toString(), content);
  }

  static Map<String, String> parse(String origin, String content) {
    return new Parser(origin, content).parse();
  }

  /** A cursor over the whole file, so that a quoted value can run over several lines. */
  private static final class Parser {

    private final String origin;
    private final String text;
    private int at;
    private int line = 1;

    Parser(String origin, String content) {
      this.origin = origin;
      String unified = content.replace("\r\n", "\n").replace('\r', '\n');
      this.text = unified.startsWith("\uFEFF") ? unified.substring(1) : unified; // a byte order mark
    }

    Map<String, String> parse() {
      Map<String, String> values = new LinkedHashMap<>();
      while (at < text.length()) {
        skipBlanks();
        if (at >= text.length() || peek() == '\n' || peek() == '#') {
          skipLine();
          continue;
        }
        int keyLine = line;
        if (text.startsWith("export", at) && at + 6 < text.length() && isBlank(text.charAt(at + 6))) {
          at += "export".length();
          skipBlanks();
        }
        int keyStart = at;
        while (at < text.length() && peek() != '=' && peek() != '\n' && !isBlank(peek())) {
          at++;
        }
        String key = text.substring(keyStart, at);
        skipBlanks();
        if (!key.matches(KEY_PATTERN) || at >= text.length() || peek() != '=') {
          throw new IllegalArgumentException(origin + " line " + keyLine + ": expected KEY=VALUE");
        }
        at++;
        skipBlanks();
        values.put(key, value(key, keyLine));
      }
      return values;
    }

    /** The value at the cursor; the cursor ends after its line. */
    private String value(String key, int keyLine) {
      char first = at < text.length() ? peek() : '\n';
      if (first != '"' && first != '\'' && first != '`') {
        int end = text.indexOf('\n', at);
        String raw = text.substring(at, end < 0 ? text.length() : end);
        skipLine();
        return withoutComment(raw).strip();
      }
      at++;
      StringBuilder value = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw new IllegalArgumentException(origin + " line " + keyLine + ": the value of " + key
              + " opens a " + quoteName(first) + " that is never closed");
        }
        char c = text.charAt(at++);
        if (c == first) {
          break;
        }
        if (c == '\\' && first == '"' && at < text.length()) {
          c = text.charAt(at++);
          value.append(escaped(c));
        } else {
          value.append(c);
        }
        if (c == '\n') {
          line++;
        }
      }
      skipBlanks();
      if (at < text.length() && peek() != '\n' && peek() != '#') {
        throw new IllegalArgumentException(origin + " line " + line + ": the value of " + key
            + " has more text after its closing " + quoteName(first));
      }
      skipLine();
      return value.toString();
    }

    /** The character a backslash escape stands for inside double quotes. */
    private static String escaped(char c) {
      return switch (c) {
        case 'n' -> "\n";
        case 'r' -> "\r";
        case 't' -> "\t";
        case '"', '\\' -> String.valueOf(c);
        default -> "\\" + c; // not an escape: kept as written
      };
    }

    /** An unquoted value ends where " #" starts a comment; '#' inside a word is kept. */
    private static String withoutComment(String raw) {
      for (int i = 1; i < raw.length(); i++) {
        if (raw.charAt(i) == '#' && isBlank(raw.charAt(i - 1))) {
          return raw.substring(0, i);
        }
      }
      return raw.startsWith("#") ? "" : raw;
    }

    private static String quoteName(char quote) {
      return switch (quote) {
        case '"' -> "double quote";
        case '\'' -> "single quote";
        default -> "backtick";
      };
    }

    private char peek() {
      return text.charAt(at);
    }

    private void skipBlanks() {
      while (at < text.length() && isBlank(peek())) {
        at++;
      }
    }

    /** Moves past the end of the current line. */
    private void skipLine() {
      int end = text.indexOf('\n', at);
      at = end < 0 ? text.length() : end + 1;
      if (end >= 0) {
        line++;
      }
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t';
    }
  }
}
