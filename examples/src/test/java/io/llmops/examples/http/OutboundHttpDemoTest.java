package io.llmops.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.agent.LlmopsAgent;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@code ./llmops demo http} shows: one client span per client and mode, redacted. */
@Timeout(120)
class OutboundHttpDemoTest {

  static {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void everyClientAndModeIsOneRedactedClientSpanOfTheDemoTrace() throws Exception {
    JsonNode trace = OutboundHttpDemo.run();

    List<JsonNode> spans = OutboundHttpDemo.outboundSpans(trace);
    assertThat(spans.stream().map(s -> s.at("/metadata/http.client.library").asText() + " "
        + s.at("/metadata/http.call_mode").asText()).collect(Collectors.toList()))
        .containsExactlyInAnyOrder("jdk-httpclient sync", "jdk-httpclient async",
            "urlconnection sync", "okhttp sync", "okhttp async", "apache-httpclient5 sync",
            "apache-httpclient5 async", "jdk-httpclient sync");
    assertThat(spans).allSatisfy(span -> {
      assertThat(span.at("/metadata/url").asText()).contains("=[REDACTED]");
      assertThat(span.at("/metadata/http.request.headers/authorization").asText())
          .isIn("[REDACTED]", "");
    });
    assertThat(spans).filteredOn(s -> s.at("/metadata/status_code").asInt() == 500)
        .singleElement().satisfies(s -> assertThat(s.get("status").asText()).isEqualTo("error"));
    assertThat(trace.toString()).doesNotContain("demo-secret-123").doesNotContain("another-secret")
        .doesNotContain("demo-token-abc123");
  }
}
