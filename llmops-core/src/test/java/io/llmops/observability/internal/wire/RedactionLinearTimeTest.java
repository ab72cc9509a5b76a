package io.llmops.observability.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hostile 1 MB strings built against each detector: repeated openings that never close, long
 * runs that almost match, separators without keys. A detector that rescans the text for each
 * opening needs hours on them; a linear one needs milliseconds. The strings run on one thread
 * with a generous join timeout, and the test checks every result.
 */
class RedactionLinearTimeTest {

  private static final int MB = 1 << 20;

  private static String repeat(String unit) {
    return unit.repeat(MB / unit.length());
  }

  private static String escapedQuotesOfGrowingDepth() {
    StringBuilder out = new StringBuilder(MB);
    for (int depth = 0; out.length() < MB; depth++) {
      out.append("password:").append("\\".repeat(depth % 1000)).append('"').append("x ");
    }
    return out.toString();
  }

  @Test
  void hostileMegabyteStringsAreRedactedInLinearTime() throws InterruptedException {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputs.put("unclosed quotes under a sensitive key", repeat("password=\""));
    inputs.put("mixed unclosed quotes", repeat("token:'`\"\\"));
    inputs.put("escaped quotes of growing depth", escapedQuotesOfGrowingDepth());
    inputs.put("percent-encoded quotes", repeat("secret%3D%22a"));
    inputs.put("one long key", "k".repeat(MB) + "=value");
    inputs.put("separators only", repeat("=:"));
    inputs.put("tabs and newlines", repeat("password\t\n"));
    inputs.put("key lines", repeat("password\n"));
    inputs.put("multi-word keys", repeat("API Key: "));
    inputs.put("BEGIN without END", "-----BEGIN " + repeat("PRIVATE KEY-----"));
    inputs.put("PRIVATE KEY without BEGIN", repeat("PRIVATE KEY "));
    inputs.put("PuTTY markers", repeat("Private-Lines: "));
    inputs.put("URL schemes", repeat("a://b:c"));
    inputs.put("one scheme, many @", "x://" + repeat("@:"));
    inputs.put("token prefixes", repeat("sk-"));
    inputs.put("token prefixes without digits", repeat("sk-ab"));
    inputs.put("JWT openings", repeat("eyJabcdefghijk."));
    inputs.put("AWS-like runs", repeat("AKIA"));
    inputs.put("Azure marks", repeat("0Q~"));
    inputs.put("digit groups", repeat("4111 "));
    inputs.put("one long number", "4".repeat(MB));
    inputs.put("bearer words", repeat("Bearer "));
    inputs.put("basic schemes", repeat("Basic a1"));
    inputs.put("long run", "a".repeat(MB));
    inputs.put("prose verbs after keys", repeat("password is was to is 1 "));
    inputs.put("values after names", repeat("{name: password, value: x, value="));
    inputs.put("tags with attributes", repeat("<entry key=\"password\" a>"));
    inputs.put("XML openings", repeat("<password>"));
    inputs.put("quotes after keys", repeat("PASSWORD '"));
    inputs.put("YAML blocks", repeat("password: |\n"));
    inputs.put("values on the next line", repeat("password:\n  "));
    inputs.put("command line options", "curl " + repeat("--password -u a:"));
    inputs.put("escaped URL schemes", repeat("a:\\/\\/b:c"));
    inputs.put("encoded URL schemes", repeat("%3A%2F%2Fb%3Ac"));

    Map<String, String> results = new ConcurrentHashMap<>();
    Redactor redactor = new Redactor(List.of("customer_pin"));
    Thread worker = new Thread(() -> inputs.forEach((name, input) ->
        results.put(name, redactor.redactText(input))), "hostile-redaction");
    worker.setDaemon(true);
    worker.start();
    worker.join(TimeUnit.SECONDS.toMillis(120));

    assertThat(results.keySet()).as("inputs redacted before the timeout")
        .containsExactlyInAnyOrderElementsOf(inputs.keySet());
    assertThat(results.get("BEGIN without END")).isEqualTo(Redactor.MASK);
    assertThat(results.get("one long key")).endsWith("=value");
    assertThat(results.get("key lines")).startsWith("password\n[REDACTED]\n[REDACTED]\n");
    assertThat(results.get("unclosed quotes under a sensitive key"))
        .startsWith("password=\"[REDACTED]\"password=\"[REDACTED]\"");
    for (String unchanged : List.of("long run", "token prefixes without digits", "one long number",
        "separators only", "PRIVATE KEY without BEGIN")) {
      assertThat(results.get(unchanged) == inputs.get(unchanged)).as("%s returned as it is", unchanged)
          .isTrue();
    }
  }
}
