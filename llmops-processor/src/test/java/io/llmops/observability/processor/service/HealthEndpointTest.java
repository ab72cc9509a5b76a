package io.llmops.observability.processor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthEndpointTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthIsUpWithTheCountersWhileRunningAndDownOnceShutDown() throws Exception {
    try (TestQueue queue = new TestQueue()) {
      queue.send("one", "two");
      SqsConsumerService service =
          new SqsConsumerService(queue.client, new ScriptedProcessor(), queue.options(1));
      service.start();
      try (HealthEndpoint health =
          HealthEndpoint.start(service, new InetSocketAddress("127.0.0.1", 0))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.held() == 0);

        HttpResponse<String> up = get(health.port());
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode counters = new ObjectMapper().readTree(up.body());
        assertThat(counters.path("status").asText()).isEqualTo("up");
        assertThat(counters.path("received").asLong()).isEqualTo(2);
        assertThat(counters.path("deleted").asLong()).isEqualTo(2);
        assertThat(counters.has("in_flight")).isTrue();

        service.close();
        HttpResponse<String> down = get(health.port());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(down.body()).path("status").asText())
            .isEqualTo("down");
      }
    }
  }

  private HttpResponse<String> get(int port) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
