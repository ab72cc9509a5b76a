package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.FanOut;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.agent.testing.AgentTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrencyIsolationTest extends AgentTest {

  private final Service service = new Service();

  @Test
  void aThousandTracesOnThirtyTwoThreadsNeverMixTheirSpans() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<String>> ids = IntStream.range(0, 1000).mapToObj(i -> pool.submit(() -> {
        String traceId = TraceManager.startTrace("request-" + i);
        service.agent("q" + i);
        TraceManager.endTrace();
        return traceId;
      })).collect(Collectors.toList());
      for (Future<String> id : ids) {
        id.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    List<JsonNode> traces = traces();
    assertThat(traces).hasSize(1000);
    Set<String> names = new HashSet<>();
    for (JsonNode trace : traces) {
      String name = trace.get("trace_name").asText();
      names.add(name);
      String question = "q" + name.substring("request-".length());
      assertThat(trace.get("total_spans").asInt()).isEqualTo(4);
      JsonNode agent = span(trace, "agent_loop");
      assertThat(agent.at("/input_data/kwargs/question").asText()).isEqualTo(question);
      String agentId = agent.get("span_id").asText();
      for (JsonNode span : trace.get("spans")) {
        if (span != agent) {
          assertThat(span.get("parent_span_id").asText()).isEqualTo(agentId);
          assertThat(span.toString()).contains(question + "-doc");
        }
      }
    }
    assertThat(names).hasSize(1000);
  }

  @Test
  void aThousandTracesFanningOutToASharedPoolAndSupplyAsyncKeepTheirSpansAndParents()
      throws Exception {
    ExecutorService requests = Executors.newFixedThreadPool(32);
    ExecutorService shared = Executors.newFixedThreadPool(4);
    FanOut fanOut = new FanOut(shared);
    try {
      List<Future<String>> ids = IntStream.range(0, 1000).mapToObj(i -> requests.submit(() -> {
        String traceId = TraceManager.startTrace("request-" + i);
        fanOut.request("q" + i);
        TraceManager.endTrace();
        return traceId;
      })).collect(Collectors.toList());
      for (Future<String> id : ids) {
        id.get(120, TimeUnit.SECONDS);
      }
    } finally {
      requests.shutdown();
      shared.shutdown();
      assertThat(requests.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      assertThat(shared.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    List<JsonNode> traces = traces();
    assertThat(traces).hasSize(1000);
    Set<String> names = new HashSet<>();
    Set<String> spanIds = new HashSet<>();
    for (JsonNode trace : traces) {
      String name = trace.get("trace_name").asText();
      names.add(name);
      String question = "q" + name.substring("request-".length());
      assertThat(trace.get("total_spans").asInt()).as(trace.toPrettyString()).isEqualTo(3);
      JsonNode request = span(trace, "request");
      String requestId = request.get("span_id").asText();
      assertThat(request.at("/input_data/kwargs/question").asText()).isEqualTo(question);
      for (String child : List.of("pooled", "async")) {
        JsonNode span = span(trace, child);
        assertThat(span.get("parent_span_id").asText()).isEqualTo(requestId);
        assertThat(span.at("/input_data/kwargs/question").asText()).isEqualTo(question);
      }
      trace.get("spans").forEach(span -> assertThat(spanIds.add(span.get("span_id").asText()))
          .as("span ids are unique across traces").isTrue());
    }
    assertThat(names).hasSize(1000);
    assertThat(spanIds).hasSize(3000);
  }
}
