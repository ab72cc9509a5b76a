package io.llmops.observability.httpserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ExternalCall;
import io.llmops.observability.TraceHeaders;
import io.llmops.observability.httpserver.testing.JdkServer;
import io.llmops.observability.httpserver.testing.ServerTraces;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TracingHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A caller counts the child segments its calls produced ({@code external_segments_expected}):
 * real services on 127.0.0.1, each traced by its filter, answering with {@code
 * x-llmops-segment}. The chat service calls two traced services (profile, billing) and an
 * untraced one (weather); profile calls a further traced service (audit).
 */
@Timeout(60)
class SegmentCountTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();
  private final HttpClient client = HttpClient.newHttpClient();
  private final JdkServer services = new JdkServer();
  /** The answer each call got, by the path it called. */
  private final Map<String, HttpResponse<String>> answers = new ConcurrentHashMap<>();

  SegmentCountTest() throws IOException {
    LlmopsHttpFilter traced = new LlmopsHttpFilter();
    services.route("/chat", exchange -> {
      call("profile_service", "/profile");
      call("billing_service", "/billing");
      call("weather_service", "/weather");
      JdkServer.respond(exchange, 200, "ok");
    }, traced);
    services.route("/profile", exchange -> {
      call("audit_service", "/audit");
      JdkServer.respond(exchange, 200, "profile");
    }, traced);
    services.route("/billing", exchange -> JdkServer.respond(exchange, 200, "billing"), traced);
    services.route("/audit", exchange -> JdkServer.respond(exchange, 200, "audit"), traced);
    services.route("/weather", exchange -> JdkServer.respond(exchange, 200, "sunny"));
  }

  @AfterEach
  void stop() {
    services.close();
  }

  /** Calls {@code path} as an external service, handing the SDK the answer's headers. */
  private void call(String service, String path) throws IOException {
    try (ExternalCall call = ExternalCall.to(service).start()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(services.uri(path));
      call.inject(request::header);
      HttpResponse<String> answer = client.send(request.build(), BodyHandlers.ofString());
      call.answered(name -> answer.headers().firstValue(name).orElse(null));
      answers.put(path, answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static JsonNode traceWithSpan(List<JsonNode> traces, String spanName) {
    return traces.stream()
        .filter(trace -> trace.get("spans").findValuesAsText("span_name").contains(spanName))
        .findFirst().orElseThrow();
  }

  @Test
  void aCallerCountsTheTracedServicesThatAnsweredAndNotTheUntracedOne() throws Exception {
    client.send(HttpRequest.newBuilder(services.uri("/chat")).build(), BodyHandlers.ofString());

    List<JsonNode> traces = ServerTraces.await(sink, 4);
    JsonNode chat = traceWithSpan(traces, "GET /chat");
    assertThat(chat.get("is_child_segment").asBoolean()).isFalse();
    assertThat(chat.get("external_segments_expected").asInt()).isEqualTo(2);
  }

  @Test
  void aCalledServiceThatCallsAnotherCountsItsOwnCalleeOnly() throws Exception {
    client.send(HttpRequest.newBuilder(services.uri("/chat")).build(), BodyHandlers.ofString());

    List<JsonNode> traces = ServerTraces.await(sink, 4);
    assertThat(traceWithSpan(traces, "GET /profile").get("external_segments_expected").asInt())
        .isEqualTo(1);
    assertThat(traceWithSpan(traces, "GET /billing").get("external_segments_expected").asInt())
        .isZero();
    assertThat(traceWithSpan(traces, "GET /audit").get("external_segments_expected").asInt())
        .isZero();
  }

  @Test
  void theAnswerNamesTheCalledSegmentAndNothingElse() throws Exception {
    client.send(HttpRequest.newBuilder(services.uri("/chat")).build(), BodyHandlers.ofString());

    List<JsonNode> traces = ServerTraces.await(sink, 4);
    HttpResponse<String> profile = answers.get("/profile");
    assertThat(profile.headers().allValues(TraceHeaders.LLMOPS_SEGMENT))
        .containsExactly(traceWithSpan(traces, "GET /profile").get("segment_id").asText());
    assertThat(profile.headers().map().keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)))
        .filteredOn(name -> name.startsWith("x-llmops") || name.equals("traceparent"))
        .containsExactly(TraceHeaders.LLMOPS_SEGMENT);
    assertThat(answers.get("/weather").headers().firstValue(TraceHeaders.LLMOPS_SEGMENT))
        .isEmpty();
  }

  @Test
  void aRequestWithoutACallerIsAnsweredWithoutASegmentHeader() throws Exception {
    HttpResponse<String> answer = client.send(
        HttpRequest.newBuilder(services.uri("/billing")).build(), BodyHandlers.ofString());

    assertThat(answer.headers().firstValue(TraceHeaders.LLMOPS_SEGMENT)).isEmpty();
    assertThat(ServerTraces.awaitOne(sink).get("external_segments_expected").asInt()).isZero();
  }

  @Test
  void aCallWhoseAnswerTheSdkNeverReadLeavesTheCountOut() throws Exception {
    services.route("/unread", exchange -> {
      try (ExternalCall call = ExternalCall.to("billing_service").start()) {
        HttpRequest.Builder request = HttpRequest.newBuilder(services.uri("/billing"));
        call.inject(request::header);
        client.send(request.build(), BodyHandlers.discarding());
        call.answered();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      JdkServer.respond(exchange, 200, "ok");
    }, new LlmopsHttpFilter());

    client.send(HttpRequest.newBuilder(services.uri("/unread")).build(), BodyHandlers.ofString());

    JsonNode caller = traceWithSpan(ServerTraces.await(sink, 2), "GET /unread");
    assertThat(caller.get("has_external_segments").asBoolean()).isTrue();
    assertThat(caller.has("external_segments_expected")).isFalse();
  }
}
