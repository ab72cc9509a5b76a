package io.llmops.examples.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.examples.otlp.DemoOtlp;
import io.llmops.observability.Llmops;
import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With LLMOPS_SINKS=otlp or langfuse and nowhere to send, the demo shows what a local backend received. */
class RagDemoOtlpTest {

  static {
    WovenDemo.ensureAgentInstalled();
  }

  @Test
  void theOtlpSinkWithoutAnEndpointSendsToALocalReceiverThatPrintsEverySpan() {
    String output = runDemo(TestConfigs.isolated().sinks("otlp"));
    assertThat(output).containsPattern("Local OTLP receiver http://127\\.0\\.0\\.1:\\d+ received 19 span\\(s\\):");
    assertThat(output).contains("  rag_agent [agent] (root)");
    assertThat(output).contains("  bedrock_converse [generation] model=anthropic.claude-3-5-sonnet-20241022-v2:0 "
        + "tokens in/out=125/8 parent=rag_agent");
    assertThat(output).contains("  groundedness [evaluator] parent=check_answer");
    assertThat(output).doesNotContain("Langfuse score");
  }

  @Test
  void theLangfuseSinkWithoutKeysSendsToALocalStandInThatPrintsTheScoresToo() {
    String output = runDemo(TestConfigs.isolated().sinks("langfuse"));
    assertThat(output).contains("received 19 span(s):");
    assertThat(output).contains("and 4 Langfuse score(s):");
    assertThat(output).contains("  user_feedback = 1 (NUMERIC) on the trace");
    assertThat(output).contains("  groundedness = 1 (NUMERIC) on the trace");
    assertThat(output).contains("  groundedness.label = \"grounded\" (CATEGORICAL) on the trace");
  }

  @Test
  void aConfiguredEndpointIsLeftAloneAndNothingIsStarted() {
    LlmopsConfig.Builder config = TestConfigs.isolated().sinks("otlp")
        .set("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
    try (DemoOtlp otlp = DemoOtlp.startIfWanted(config.build(), config)) {
      String printed = captured(otlp::report);
      assertThat(printed).isEmpty();
      assertThat(config.build().raw("OTEL_EXPORTER_OTLP_ENDPOINT")).contains("http://127.0.0.1:9");
    }
  }

  /** Runs the demo as main does with {@code config} as the environment, and returns what it printed. */
  private static String runDemo(LlmopsConfig.Builder config) {
    try (DemoOtlp otlp = DemoOtlp.startIfWanted(config.build(), config)) {
      LlmopsConfig built = config.build();
      return captured(() -> {
        try {
          RagDemo.run(new String[] {"How old is Java?"}, built, new DemoSqs(null));
        } finally {
          Llmops.shutdown(Duration.ofSeconds(5));
        }
        otlp.report();
      });
    }
  }

  private static String captured(Runnable printing) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      printing.run();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
