package io.llmops.observability.bedrock;

import static io.llmops.observability.bedrock.EventStreamEncoder.chunk;
import static io.llmops.observability.bedrock.EventStreamEncoder.event;
import static io.llmops.observability.bedrock.EventStreamEncoder.exception;
import static io.llmops.observability.bedrock.EventStreamEncoder.withBadChecksum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.bedrock.FakeBedrockRuntime.Answer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * How a stream that does not simply complete is recorded: the span says what the caller was
 * told. A failure the SDK reports (an exception event, a corrupted frame, the caller's subscriber
 * throwing, a dropped connection) is an error span carrying the exception the caller got; only
 * a stream the caller itself cancelled is {@code llm.stream_cancelled}.
 */
class StreamEndingsTest extends BedrockTest {

  static final byte[] MESSAGE_START = event("messageStart", "{\"role\":\"assistant\"}");

  static byte[] delta(String text) {
    return event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + text + "\"}}");
  }

  /** What the caller's future failed with, unwrapped from its CompletionException. */
  static Throwable failureOf(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(CompletionException.class);
    return thrown.getCause();
  }

  void converseStream(ConverseStreamResponseHandler handler) {
    asyncClient.converseStream(StreamsTest.converseStream(SONNET), handler).join();
  }

  /** The span records {@code failure}, the exception the caller got, as the SDK's failures are. */
  static void assertRecordsTheCallersFailure(JsonNode span, Throwable failure) {
    assertThat(span.get("status").asText()).as("%s", span).isEqualTo("error");
    assertThat(span.get("level").asText()).isEqualTo("ERROR");
    assertThat(span.at("/metadata/exception.type").asText()).isEqualTo(failure.getClass().getName());
    assertThat(span.get("error").asText()).isEqualTo(failure.getClass().getName() + ": " + failure.getMessage());
    assertThat(span.at("/metadata/exception.stacktrace").asText()).as("a stack where the SDK raised it")
        .contains("\tat software.amazon.awssdk.");
    assertThat(span.at("/metadata/llm.stream_cancelled").isMissingNode())
        .as("only the caller's cancel is a cancel: %s", span).isTrue();
  }

  @Test
  void aFrameWithABadChecksumIsTheFailureTheCallerGetsWithTheTextBeforeIt() {
    bedrock.answer("converse-stream", Answer.eventStream(MESSAGE_START, delta("Hel"), withBadChecksum(delta("lo"))));

    Throwable failure = failureOf(() -> converseStream(new StreamsTest.Gathered().handler()));

    assertThat(failure).hasMessageContaining("checksum");
    JsonNode span = onlySpan();
    assertRecordsTheCallersFailure(span, failure);
    assertThat(span.get("response").asText()).isEqualTo("Hel");
  }

  @Test
  void aCallersSubscriberThatThrowsIsTheFailureTheCallerGets() {
    bedrock.answer("converse-stream", Answer.eventStream(MESSAGE_START, delta("Hel"), delta("lo")));
    var handler = ConverseStreamResponseHandler.builder()
        .onEventStream(events -> events.subscribe(new Subscriber<Object>() {
          @Override public void onSubscribe(Subscription s) { s.request(Long.MAX_VALUE); }

          @Override public void onNext(Object event) { throw new IllegalStateException("the handler broke"); }

          @Override public void onError(Throwable t) { }

          @Override public void onComplete() { }
        }))
        .build();

    Throwable failure = failureOf(() -> converseStream(handler));

    assertThat(failure).hasMessageContaining("the handler broke");
    assertRecordsTheCallersFailure(onlySpan(), failure);
  }

  /**
   * The SDK swallows what a {@code Visitor} or {@code subscriber(Consumer)} handler throws: it
   * cancels the stream and completes the call (aws/aws-sdk-java-v2#4929). The span says the same
   * as the caller's future, whichever way a given SDK version reports it.
   */
  @Test
  void aVisitorThatThrowsIsRecordedAsTheSdkReportsTheCall() {
    bedrock.answer("converse-stream", Answer.eventStream(MESSAGE_START, delta("Hel"), delta("lo")));
    var handler = ConverseStreamResponseHandler.builder()
        .subscriber(ConverseStreamResponseHandler.Visitor.builder()
            .onContentBlockDelta(e -> { throw new IllegalStateException("the visitor broke"); })
            .build())
        .build();

    Throwable thrown = catchThrowable(() -> converseStream(handler));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(traces()).hasSize(1));
    JsonNode span = onlySpan();
    if (thrown == null) {
      assertThat(span.get("status").asText()).as("%s", span).isEqualTo("success");
      assertThat(span.at("/metadata/llm.stream_cancelled").asBoolean()).as("%s", span).isTrue();
    } else {
      assertRecordsTheCallersFailure(span, thrown.getCause());
    }
  }

  @Test
  void aStreamWhoseConnectionDropsIsTheFailureTheCallerGets() {
    bedrock.answer("converse-stream", Answer.eventStream(MESSAGE_START, delta("Hel")).cutOff());

    Throwable failure = failureOf(() -> converseStream(new StreamsTest.Gathered().handler()));

    JsonNode span = onlySpan();
    assertRecordsTheCallersFailure(span, failure);
    assertThat(span.get("response").asText()).isEqualTo("Hel");
  }

  /** Each exception event of both streaming operations, with the SDK's exception type for it. */
  static Stream<Arguments> exceptionEvents() {
    List<String[]> events = List.of(
        new String[] {"throttlingException", "ThrottlingException"},
        new String[] {"modelStreamErrorException", "ModelStreamErrorException"},
        new String[] {"validationException", "ValidationException"},
        new String[] {"internalServerException", "InternalServerException"},
        new String[] {"serviceUnavailableException", "ServiceUnavailableException"});
    return Stream.of("converse-stream", "invoke-with-response-stream").flatMap(operation ->
        events.stream().map(e -> Arguments.of(operation, e[0], e[1])));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("exceptionEvents")
  void anExceptionEventIsAnErrorWithTheEventsTypeAndMessageAndAStackNeverACancel(String operation,
      String eventType, String sdkType) {
    String message = "the " + eventType + " event";
    byte[] exceptionEvent = exception(eventType, "{\"message\":\"" + message + "\"}");
    boolean converse = operation.equals("converse-stream");
    bedrock.answer(operation, converse
        ? Answer.eventStream(MESSAGE_START, delta("Hi"), exceptionEvent)
        : Answer.eventStream(chunk("{\"outputs\":[{\"text\":\"Hi\",\"stop_reason\":null}]}"), exceptionEvent));

    Throwable failure = failureOf(converse
        ? () -> converseStream(new StreamsTest.Gathered().handler())
        : () -> invokeWithResponseStream("mistral.mistral-7b-instruct-v0:2", "{\"prompt\":\"Greet me.\"}"));

    assertThat(failure.getClass().getName())
        .isEqualTo("software.amazon.awssdk.services.bedrockruntime.model." + sdkType);
    JsonNode span = onlySpan();
    assertRecordsTheCallersFailure(span, failure);
    assertThat(span.get("error").asText()).contains(sdkType + ": " + message);
    assertThat(span.get("response").asText()).isEqualTo("Hi");
  }

  /** The span of a stream the HTTP layer broke off: ended, failed, not cancelled. */
  static void assertBrokenOff(JsonNode span) {
    assertThat(span.get("status").asText()).as("%s", span).isEqualTo("error");
    assertThat(span.get("level").asText()).isEqualTo("ERROR");
    assertThat(span.at("/metadata/exception.stacktrace").asText()).contains("\tat ");
    assertThat(span.at("/metadata/llm.stream_cancelled").isMissingNode()).as("%s", span).isTrue();
  }

  /** A caller that counts the text deltas it receives. */
  static ConverseStreamResponseHandler countingText(CountDownLatch textArrived) {
    return ConverseStreamResponseHandler.builder()
        .subscriber(ConverseStreamResponseHandler.Visitor.builder()
            .onContentBlockDelta(e -> textArrived.countDown()).build())
        .build();
  }

  /** The caller's future fails with a CancellationException: the span fails too, and ends at once. */
  @Test
  void aStreamWhoseCallerCancelsTheCallsFutureIsAFailureThatEndsItsSpan() throws Exception {
    bedrock.answer("converse-stream", Answer.eventStream(MESSAGE_START, delta("Hel")).heldOpen());
    CountDownLatch textArrived = new CountDownLatch(1);

    var call = asyncClient.converseStream(StreamsTest.converseStream(SONNET), countingText(textArrived));
    assertThat(textArrived.await(10, TimeUnit.SECONDS)).isTrue();
    call.cancel(true);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(traces()).hasSize(1));
    JsonNode span = onlySpan();
    assertBrokenOff(span);
    assertThat(span.get("response").asText()).isEqualTo("Hel");
  }

  @Test
  void aStreamThatOutlivesTheApiCallTimeoutIsAFailureNotACancel() {
    bedrock.answer("converse-stream", Answer.eventStream(MESSAGE_START, delta("Hel")).heldOpen());

    Throwable failure = failureOf(() -> asyncClient.converseStream(StreamsTest.converseStream(SONNET)
        .toBuilder().overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(1))).build(),
        new StreamsTest.Gathered().handler()).join());

    assertThat(failure.getClass().getSimpleName()).isEqualTo("ApiCallTimeoutException");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(traces()).hasSize(1));
    assertBrokenOff(onlySpan());
  }

  @Test
  void aStreamRetriedAfterAnExceptionEventRecordsTheAttemptThatAnsweredNotEveryAttemptsText() {
    bedrock.answer("converse-stream",
        Answer.eventStream(MESSAGE_START, delta("Hel"), exception("throttlingException", "{\"message\":\"slow down\"}")),
        Answer.eventStream(MESSAGE_START, delta("Hello"), event("messageStop", "{\"stopReason\":\"end_turn\"}"),
            event("metadata", "{\"usage\":{\"inputTokens\":10,\"outputTokens\":4,\"totalTokens\":14}}")));
    StreamsTest.Gathered gathered = new StreamsTest.Gathered();

    try (var retrying = TestClients.asyncRetrying(bedrock.endpoint(), 2, new LlmopsBedrockInterceptor())) {
      retrying.converseStream(StreamsTest.converseStream(SONNET), gathered.handler()).join();
    }

    assertThat(gathered.text).as("the SDK hands the caller both attempts").hasToString("HelHello");
    JsonNode span = onlySpan();
    assertThat(span.get("status").asText()).as("%s", span).isEqualTo("success");
    assertThat(span.get("response").asText()).isEqualTo("Hello");
    assertThat(span.at("/usage/output_tokens").asLong()).isEqualTo(4);
    assertThat(span.at("/metadata/llm.stream_cancelled").isMissingNode()).as("%s", span).isTrue();
  }

  /** A caller that takes {@code events} events of the stream, then cancels it. */
  static ConverseStreamResponseHandler cancellingAfter(int events, List<Object> seen) {
    return ConverseStreamResponseHandler.builder()
        .onEventStream(stream -> stream.subscribe(new Subscriber<Object>() {
          private Subscription subscription;

          @Override public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(events);
          }

          @Override public void onNext(Object event) {
            seen.add(event);
            if (seen.size() == events) {
              subscription.cancel();
            }
          }

          @Override public void onError(Throwable t) { }

          @Override public void onComplete() { }
        }))
        .build();
  }

  @ParameterizedTest(name = "after {0} event(s)")
  @CsvSource(nullValues = "none", value = {"1, none", "2, Hel"})
  void aStreamTheCallerCancelsIsASuccessMarkedCancelledWithTheTextSoFarAndNeverItsRawEvents(int events,
      String text) {
    byte[][] sent = {MESSAGE_START, delta("Hel"), delta("lo")};
    // only what the caller takes is sent, and the stream cannot complete before the cancel
    bedrock.answer("converse-stream", Answer.eventStream(Arrays.copyOf(sent, events)).heldOpen());
    List<Object> seen = new CopyOnWriteArrayList<>();

    try {
      asyncClient.converseStream(StreamsTest.converseStream(SONNET), cancellingAfter(events, seen))
          .get(5, TimeUnit.SECONDS);
    } catch (Exception cancelledCallsMayEndEitherWay) {
      // what the SDK does with its future after a cancel is its business; the span is ours
    }

    assertThat(seen).hasSize(events);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(traces()).hasSize(1));
    JsonNode span = onlySpan();
    assertThat(span.get("span_name").asText()).isEqualTo("bedrock.converse_stream");
    assertThat(span.at("/metadata/llm.stream_cancelled").asBoolean()).as("%s", span).isTrue();
    assertThat(span.get("status").asText()).isEqualTo("success");
    assertThat(span.get("response").isNull() ? null : span.get("response").asText()).as("%s", span).isEqualTo(text);
    assertThat(span.toString()).doesNotContain("messageStart");
  }
}
