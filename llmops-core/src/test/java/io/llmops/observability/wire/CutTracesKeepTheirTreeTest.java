package io.llmops.observability.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A trace cut down to fit the message limit keeps its root and the ancestors of every span it
 * keeps: no exported span points to a parent missing from the message.
 */
class CutTracesKeepTheirTreeTest {

  private final CollectingSink sink = new CollectingSink();

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private static String noise(Random random, int chars) {
    StringBuilder out = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) {
      out.append((char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  @Test
  void theRootAndEveryAncestorOfAKeptSpanAreKept() {
    Llmops.configure(TestConfigs.isolated().maxMessageBytes(8_192).addSink(sink).build());
    Random random = new Random(3);
    TraceManager.startTrace("deep");
    try (Span root = Llmops.agent("root").start()) {
      for (int branch = 0; branch < 12; branch++) {
        try (Span mid = Llmops.span("mid_" + branch).start()) {
          for (int leaf = 0; leaf < 25; leaf++) {
            try (Span span = Llmops.tool("leaf_" + branch + "_" + leaf).start()) {
              span.setOutput(noise(random, 600));
            }
          }
          mid.setOutput(noise(random, 300));
        }
      }
      root.setOutput("done");
    }
    TraceManager.finalizeAndSend(null, null);

    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode spans = trace.path("spans");
    assertThat(trace.path("metadata").path("llmops.truncation").path("spans_dropped").asInt())
        .isPositive();
    assertThat(spans.size()).isPositive();
    Set<String> ids = new HashSet<>();
    spans.forEach(span -> ids.add(span.path("span_id").asText()));
    boolean rootKept = false;
    for (JsonNode span : spans) {
      JsonNode parent = span.path("parent_span_id");
      if (parent.isNull()) {
        rootKept = span.path("span_name").asText().equals("root");
      } else {
        assertThat(ids).as("parent of %s", span.path("span_name").asText()).contains(parent.asText());
      }
    }
    assertThat(rootKept).isTrue();
    assertThat(trace.path("total_spans").asInt()).isEqualTo(spans.size());
  }

  @Test
  void rollUpsSaturateInsteadOfWrappingAndCostsStayNumbers() {
    Llmops.configure(TestConfigs.isolated().addSink(sink).build());
    TraceManager.startTrace("big numbers");
    for (int i = 0; i < 3; i++) {
      try (Span span = Llmops.generation("g" + i).model("unknown-model").start()) {
        span.setUsage(Long.MAX_VALUE / 2, Long.MAX_VALUE / 3);
        span.setCost(Double.MAX_VALUE, Double.MAX_VALUE);
      }
    }
    TraceManager.finalizeAndSend(null, null);
    JsonNode trace = Exported.onlyTrace(sink); // the sink also validates it against the schema
    assertThat(trace.path("token_usage").path("total_input_tokens").asLong()).isNotNegative();
    assertThat(trace.path("token_usage").path("total_tokens").asLong()).isNotNegative();
    assertThat(trace.path("cost").path("total_cost").isNumber()).isTrue();
    assertThat(Double.isFinite(trace.path("cost").path("total_cost").asDouble())).isTrue();
    for (JsonNode span : trace.path("spans")) {
      assertThat(span.path("usage").path("total_tokens").asLong()).isNotNegative();
      assertThat(span.path("cost").isNull() || span.path("cost").path("total_cost").isNumber()).isTrue();
    }
  }
}
