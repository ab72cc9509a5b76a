package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
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
}
