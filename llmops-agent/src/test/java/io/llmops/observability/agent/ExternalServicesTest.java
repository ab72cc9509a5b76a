package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.llmops.observability.LlmopsContext;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.ProfileHandler;
import io.llmops.observability.agent.fixtures.UserServiceClient;
import io.llmops.observability.agent.testing.AgentTest;
import io.llmops.observability.testing.SchemaValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @TrackExternalService} on the calling side and {@code @ResumeExternalService} on the
 * called side, across a real HTTP server on 127.0.0.1: one trace in two segments.
 */
class ExternalServicesTest extends AgentTest {

  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final String CALLER_TRACE_ID = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736";

  private static final Map<String, List<String>> CALLER_HEADERS = Map.of(
      "traceparent", List.of(TRACEPARENT), "x-llmops-trace-id", List.of(CALLER_TRACE_ID));

  private final ProfileHandler handler = new ProfileHandler();
  private HttpServer userService;

  /** The user service: each request is handled by the woven {@code handle(HttpExchange)}. */
  private URI startUserService() throws IOException {
    userService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    userService.createContext("/profile/", exchange -> {
      byte[] body = handler.handle(exchange).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    userService.start();
    return URI.create("http://127.0.0.1:" + userService.getAddress().getPort());
  }

  @AfterEach
  void stopUserService() {
    if (userService != null) {
      userService.stop(0);
    }
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }

  private Map<String, JsonNode> tracesByName() {
    Map<String, JsonNode> byName = new HashMap<>();
    traces().forEach(trace -> byName.put(trace.get("trace_name").asText(), trace));
    return byName;
  }

  @Test
  void theCalledServicesHandlerSendsAChildSegmentOfTheCallersTraceUnderTheCallingSpan()
      throws Exception {
    UserServiceClient client = new UserServiceClient(startUserService());

    String traceId = TraceManager.startTrace("generate");
    String profile = client.profile("alice");
    TraceManager.endTrace();

    awaitTraces(2);
    Map<String, JsonNode> traces = tracesByName();
    JsonNode parent = traces.get("generate");
    JsonNode child = traces.get("get_profile");
    assertThat(profile).isEqualTo("alice, premium");
    assertThat(parent.get("has_external_segments").asBoolean()).isTrue();
    assertThat(parent.get("is_child_segment").asBoolean()).isFalse();
    JsonNode calling = span(parent, "profile");
    assertThat(calling.at("/metadata/external.service").asText()).isEqualTo("user_service");
    assertThat(calling.at("/metadata/external.transport").asText()).isEqualTo("http");
    assertThat(calling.at("/input_data/kwargs/userId").asText()).isEqualTo("alice");
    assertThat(calling.at("/output_data/output").asText()).isEqualTo("alice, premium");

    assertThat(child.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(child.get("is_child_segment").asBoolean()).isTrue();
    JsonNode root = span(child, "get_profile");
    assertThat(root.get("parent_span_id").asText())
        .isEqualTo(calling.get("span_id").asText().replace("-", "").substring(0, 16));
    assertThat(span(child, "load_profile").get("parent_span_id").asText())
        .isEqualTo(root.get("span_id").asText());
    assertThat(root.at("/output_data/output").asText()).isEqualTo("alice, premium");
    assertThat(child.get("trace_output").asText()).isEqualTo("alice, premium");
    assertThat(SchemaValidator.validateTrace(parent)).isEmpty();
    assertThat(SchemaValidator.validateTrace(child)).isEmpty();
  }

  @Test
  void withTheCalledServiceDownTheCallersExceptionIsRethrownAndNothingWaitsForASegment()
      throws Exception {
    UserServiceClient client = new UserServiceClient(closedPort());

    TraceManager.startTrace("generate");
    assertThatThrownBy(() -> client.profile("alice")).isInstanceOf(ConnectException.class);
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    assertThat(trace.get("has_external_segments").asBoolean()).isFalse();
    JsonNode calling = span(trace, "profile");
    assertThat(calling.get("status").asText()).isEqualTo("error");
    assertThat(calling.at("/metadata/external.answered").isMissingNode()).isTrue();
  }

  @Test
  void theExceptionOfAnExternalCallReachesTheCallerAsTheSameObject() {
    UserServiceClient client = new UserServiceClient(URI.create("http://127.0.0.1:1"));
    IllegalStateException refused = new IllegalStateException("queue does not exist");

    TraceManager.startTrace("order");
    assertThatThrownBy(() -> client.charge(refused)).isSameAs(refused);
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    assertThat(trace.get("has_external_segments").asBoolean()).isFalse();
    JsonNode calling = span(trace, "charge");
    assertThat(calling.at("/metadata/external.service").asText()).isEqualTo("billing");
    assertThat(calling.at("/metadata/external.transport").asText()).isEqualTo("sqs");
    assertThat(calling.get("error").asText()).contains("queue does not exist");
  }

  @Test
  void anAsynchronousCallIsAnsweredWhenItsResultCompletes() throws Exception {
    UserServiceClient client = new UserServiceClient(startUserService());

    TraceManager.startTrace("generate");
    String profile = client.profileAsync("alice").join();
    TraceManager.endTrace();

    awaitTraces(2);
    JsonNode parent = tracesByName().get("generate");
    assertThat(profile).isEqualTo("alice, premium");
    assertThat(parent.get("has_external_segments").asBoolean()).isTrue();
    assertThat(span(parent, "profile_async").at("/output_data/output").asText())
        .isEqualTo("alice, premium");
  }

  @Test
  void anAsynchronousCallThatFailsLeavesTheFlagFalse() throws Exception {
    UserServiceClient client = new UserServiceClient(closedPort());

    TraceManager.startTrace("generate");
    assertThatThrownBy(() -> client.profileAsync("alice").join())
        .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConnectException.class);
    TraceManager.endTrace();
    awaitTraces(1); // join() may return before the callback that ends the span has run

    JsonNode trace = onlyTrace();
    assertThat(trace.get("has_external_segments").asBoolean()).isFalse();
    assertThat(span(trace, "profile_async").get("status").asText()).isEqualTo("error");
  }

  @Test
  void aHandlerGivenAMapOfHeadersRecordsItsArgumentsAsTheSegmentsInput() {
    Map<String, List<String>> headers = Map.of(
        "traceparent", List.of(TRACEPARENT), "x-llmops-trace-id", List.of(CALLER_TRACE_ID));

    assertThat(handler.byHeaders("alice", headers)).isEqualTo("profile of alice");

    JsonNode child = onlyTrace();
    assertThat(child.get("trace_name").asText()).isEqualTo("byHeaders");
    assertThat(child.get("trace_id").asText()).isEqualTo(CALLER_TRACE_ID);
    assertThat(child.get("is_child_segment").asBoolean()).isTrue();
    assertThat(child.at("/trace_input/userId").asText()).isEqualTo("alice");
    assertThat(child.get("trace_output").asText()).isEqualTo("profile of alice");
    assertThat(span(child, "byHeaders").get("parent_span_id").asText())
        .isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void aResumedSegmentLeavesNothingBehindOnTheHandlersThread() {
    handler.byHeaders("alice", CALLER_HEADERS);

    assertThat(TraceManager.currentTraceId()).isNull();
    assertThat(LlmopsContext.current().traceId()).isNull();
    handler.byHeaders("bob", CALLER_HEADERS);
    assertThat(traces()).as("the next request is a segment of its own again").hasSize(2)
        .allSatisfy(trace -> assertThat(trace.get("is_child_segment").asBoolean()).isTrue());
  }

  @Test
  void aHandlerThatThrowsSendsItsSegmentFailedAndItsExceptionReachesTheCallerUnchanged() {
    IllegalArgumentException invalid = new IllegalArgumentException("unknown user");

    assertThatThrownBy(() -> handler.failing(CALLER_HEADERS, invalid)).isSameAs(invalid);

    JsonNode child = onlyTrace();
    assertThat(child.get("trace_name").asText()).isEqualTo("failing_handler");
    assertThat(child.get("is_child_segment").asBoolean()).isTrue();
    assertThat(child.get("trace_output").isNull()).isTrue();
    assertThat(span(child, "failing_handler").get("status").asText()).isEqualTo("error");
    assertThat(TraceManager.currentTraceId()).isNull();
  }

  @Test
  void anAsynchronousHandlersSegmentIsSentWhenItsResultCompletes() {
    CompletableFuture<String> source = new CompletableFuture<>();

    CompletableFuture<String> result = handler.later(CALLER_HEADERS, source);
    assertThat(TraceManager.currentTraceId()).as("finalized when the method returned").isNull();
    assertThat(traces()).as("waiting for its open span").isEmpty();
    source.complete("profile");
    assertThat(result.join()).isEqualTo("got profile");

    awaitTraces(1);
    JsonNode child = onlyTrace();
    assertThat(child.get("is_child_segment").asBoolean()).isTrue();
    assertThat(child.get("trace_output").isNull()).isTrue();
    assertThat(span(child, "later").at("/output_data/output").asText()).isEqualTo("got profile");
  }

  @Test
  void withoutTraceHeadersTheHandlerIsRecordedAsATrackFunctionWouldBe() {
    handler.byHeaders("alice", Map.of("accept", List.of("*/*")));

    JsonNode trace = onlyTrace();
    assertThat(trace.get("trace_name").asText()).isEqualTo("byHeaders");
    assertThat(trace.get("trace_id").asText()).isNotEqualTo(CALLER_TRACE_ID);
    assertThat(trace.get("is_child_segment").asBoolean()).isFalse();
    JsonNode span = span(trace, "byHeaders");
    assertThat(span.get("span_type").asText()).isEqualTo("span");
    assertThat(span.get("parent_span_id").isNull()).isTrue();
    assertThat(span.at("/input_data/kwargs/userId").asText()).isEqualTo("alice");
    assertThat(span.at("/output_data/output").asText()).isEqualTo("profile of alice");
  }

  @Test
  void insideAnActiveTraceTheHandlerIsOnlyASpanOfIt() {
    Map<String, List<String>> headers = Map.of(
        "traceparent", List.of(TRACEPARENT), "x-llmops-trace-id", List.of(CALLER_TRACE_ID));

    String traceId = TraceManager.startTrace("request");
    handler.byHeaders("alice", headers);
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    assertThat(trace.get("trace_id").asText()).isEqualTo(traceId).isNotEqualTo(CALLER_TRACE_ID);
    assertThat(trace.get("is_child_segment").asBoolean()).isFalse();
    assertThat(span(trace, "byHeaders").get("parent_span_id").isNull()).isTrue();
  }
}
