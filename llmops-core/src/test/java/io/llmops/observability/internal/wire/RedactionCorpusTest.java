package io.llmops.observability.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two corpora in {@code src/test/resources/redaction/} measure the redactor: every secret in
 * {@code secrets.txt} is masked, and every line of {@code harmless.txt} passes unchanged. Each
 * test lists every failing line, not just the first.
 */
class RedactionCorpusTest {

  private static final char SECRET_START = '⟦';
  private static final char SECRET_END = '⟧';
  /** A leak is the whole secret or any piece of it this long. */
  private static final int PIECE = 8;

  private final Redactor redactor = new Redactor(List.of());

  @Test
  void everySecretInTheSecretsCorpusIsMasked() {
    List<String> failures = new ArrayList<>();
    List<Case> cases = cases("secrets.txt");
    for (Case c : cases) {
      Marked marked = Marked.parse(c.text());
      String redacted = redactor.redactText(marked.text());
      for (String secret : marked.secrets()) {
        String leak = leakedPiece(secret, redacted);
        if (leak != null) {
          failures.add(c.where() + ": '" + leak + "' survives in: " + visible(redacted));
        }
      }
    }
    assertThat(cases).hasSizeGreaterThan(100);
    assertThat(failures).as("%d of %d secret lines leak", failures.size(), cases.size()).isEmpty();
  }

  @Test
  void everyLineOfTheHarmlessCorpusPassesUnchanged() {
    List<String> failures = new ArrayList<>();
    List<Case> cases = cases("harmless.txt");
    for (Case c : cases) {
      String redacted = redactor.redactText(c.text());
      if (!redacted.equals(c.text())) {
        failures.add(c.where() + ": became " + visible(redacted));
      }
    }
    assertThat(cases).hasSizeGreaterThan(80);
    assertThat(failures).as("%d of %d harmless lines changed", failures.size(), cases.size())
        .isEmpty();
  }

  /** The whole secret, or its first piece of {@link #PIECE} characters found in the output. */
  private static String leakedPiece(String secret, String redacted) {
    if (secret.length() <= PIECE) {
      return redacted.contains(secret) ? secret : null;
    }
    for (int i = 0; i + PIECE <= secret.length(); i++) {
      String piece = secret.substring(i, i + PIECE);
      if (redacted.contains(piece)) {
        return piece;
      }
    }
    return null;
  }

  private static String visible(String text) {
    return text.replace("\t", "{TAB}").replace("\n", "{LF}").replace("\r", "{CR}");
  }

  record Case(String where, String text) {}

  /** The non-blank, non-comment lines of a corpus, with {TAB}, {LF} and {CR} decoded. */
  static List<Case> cases(String resource) {
    String content;
    try (InputStream in = RedactionCorpusTest.class.getResourceAsStream("/redaction/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Case> cases = new ArrayList<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String text = line.replace("{TAB}", "\t").replace("{LF}", "\n").replace("{CR}", "\r");
      cases.add(new Case(resource + ":" + (i + 1), text));
    }
    return cases;
  }

  /** A corpus line with its ⟦secret⟧ markers removed, and the secrets they enclosed. */
  record Marked(String text, List<String> secrets) {
    static Marked parse(String line) {
      StringBuilder text = new StringBuilder(line.length());
      List<String> secrets = new ArrayList<>();
      int i = 0;
      while (i < line.length()) {
        int open = line.indexOf(SECRET_START, i);
        if (open < 0) {
          text.append(line, i, line.length());
          break;
        }
        int close = line.indexOf(SECRET_END, open + 1);
        assertThat(close).as("unclosed secret marker in %s", line).isPositive();
        text.append(line, i, open).append(line, open + 1, close);
        secrets.add(line.substring(open + 1, close));
        i = close + 1;
      }
      assertThat(secrets).as("a secrets line without a marked secret: %s", line).isNotEmpty();
      return new Marked(text.toString(), secrets);
    }
  }
}
