package io.llmops.observability.weaving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.TraceManager;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the application woven at build time records, with or without the agent beside it: the
 * traces the agent's own annotation tests expect, each span once.
 */
final class WovenScenarios {

  private WovenScenarios() {}

  static void anAgentNestsItsToolAndItsPricedGeneration(RecordedTraces traces) {
    assertThat(new SupportAgent().answer("password")).contains("Reset it in the settings.");

    JsonNode trace = traces.only();
    Map<String, JsonNode> spans = RecordedTraces.spansByName(trace);
    assertThat(spans).containsOnlyKeys("support_agent", "search_docs", "ask_model");
    JsonNode agent = spans.get("support_agent");
    JsonNode tool = spans.get("search_docs");
    JsonNode generation = spans.get("ask_model");
    assertThat(agent.get("span_type").asText()).isEqualTo("agent");
    assertThat(agent.at("/input_data/kwargs/question").asText()).isEqualTo("password");
    assertThat(tool.get("span_type").asText()).isEqualTo("tool");
    assertThat(tool.at("/output_data/output").asText()).isEqualTo("docs about password");
    assertThat(generation.get("span_type").asText()).isEqualTo("generation");
    assertThat(generation.get("model_id").asText()).isEqualTo("claude-3-haiku-20240307");
    assertThat(generation.get("response").asText()).isEqualTo("Reset it in the settings.");
    assertThat(generation.at("/usage/input_tokens").asLong()).isEqualTo(1000);
    assertThat(generation.at("/usage/output_tokens").asLong()).isEqualTo(200);
    assertThat(generation.at("/cost/total_cost").asDouble())
        .isCloseTo((1000 * 0.25 + 200 * 1.25) / 1e6, within(1e-12));
    for (JsonNode child : List.of(tool, generation)) {
      assertThat(child.get("parent_span_id").asText()).isEqualTo(agent.get("span_id").asText());
    }
    assertThat(trace.get("total_generations").asInt()).isEqualTo(1);
  }

  static void anExternalCallAndItsHandlerMakeOneTraceInTwoSegments(RecordedTraces traces)
      throws Exception {
    ProfileHandler handler = new ProfileHandler();
    HttpServer profileService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    profileService.createContext("/profile/", exchange -> {
      byte[] body = handler.handle(exchange).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    profileService.start();
    try {
      ProfileClient client = new ProfileClient(
          URI.create("http://127.0.0.1:" + profileService.getAddress().getPort()));
      String traceId = TraceManager.startTrace("generate");
      assertThat(client.profile("alice")).isEqualTo("alice, premium");
      TraceManager.endTrace();

      traces.await(2);
      Map<String, JsonNode> byName = new HashMap<>();
      traces.all().forEach(trace -> byName.put(trace.get("trace_name").asText(), trace));
      JsonNode calling = RecordedTraces.spansByName(byName.get("generate")).get("profile");
      assertThat(calling.at("/metadata/external.service").asText()).isEqualTo("profile_service");
      assertThat(calling.at("/input_data/kwargs/userId").asText()).isEqualTo("alice");
      JsonNode child = byName.get("get_profile");
      assertThat(child.get("trace_id").asText()).isEqualTo(traceId);
      assertThat(child.get("is_child_segment").asBoolean()).isTrue();
      Map<String, JsonNode> handled = RecordedTraces.spansByName(child);
      assertThat(handled.get("get_profile").get("parent_span_id").asText())
          .isEqualTo(calling.get("span_id").asText().replace("-", "").substring(0, 16));
      assertThat(handled.get("load_profile").get("parent_span_id").asText())
          .isEqualTo(handled.get("get_profile").get("span_id").asText());
    } finally {
      profileService.stop(0);
    }
  }

  static void reactivePublishersEndTheirSpansWhenTheyComplete(RecordedTraces traces) {
    ReactiveLookups lookups = new ReactiveLookups();
    TraceManager.startTrace("reactive");
    assertThat(lookups.lookup("plan").block()).isEqualTo("value of plan");
    assertThat(lookups.stream(3).collectList().block()).containsExactly(1, 2, 3);
    TraceManager.endTrace();

    Map<String, JsonNode> spans = RecordedTraces.spansByName(traces.only());
    assertThat(spans.get("lookup").at("/output_data/output").asText()).isEqualTo("value of plan");
    assertThat(spans.get("lookup").get("status").asText()).isEqualTo("success");
    assertThat(spans.get("stream").get("status").asText()).isEqualTo("success");
  }
}
