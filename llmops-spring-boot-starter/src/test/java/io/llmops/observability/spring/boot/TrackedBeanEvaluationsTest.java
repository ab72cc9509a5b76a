package io.llmops.observability.spring.boot;

import static io.llmops.observability.testing.DecodedTraces.spansByName;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.TraceManager;
import io.llmops.observability.spi.EvaluationRequest;
import io.llmops.observability.spring.boot.fixtures.JudgedChat;
import io.llmops.observability.spring.boot.fixtures.RecordingEvaluationHandler;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.Exported;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code @TrackLlmCall(evals = ...)} on a Spring bean hands its generation to the core's
 * {@code EvaluationHandler}s (a ServiceLoader-registered one here) as the agent does.
 */
@Timeout(60)
class TrackedBeanEvaluationsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(JudgedChat.class)
  static class App {}

  private final CollectingSink sink = new CollectingSink();
  private ConfigurableApplicationContext context;
  private JudgedChat chat;

  @BeforeEach
  void start() {
    RecordingEvaluationHandler.REQUESTS.clear();
    context = StarterApps.start(sink, WebApplicationType.NONE, App.class);
    chat = context.getBean(JudgedChat.class);
  }

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void aSampledGenerationIsHandedToTheHandlerWithTheSpanItsModelPromptResponseAndMetadata() {
    TraceManager.startTrace("evaluated");
    chat.complete("be brief", "capital of France?");
    TraceManager.endTrace();
    Llmops.flush(Duration.ofSeconds(5));

    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode span = spansByName(trace).get("judged_chat");
    assertThat(RecordingEvaluationHandler.REQUESTS).hasSize(1);
    EvaluationRequest request = RecordingEvaluationHandler.REQUESTS.get(0);
    assertThat(request.spanId()).isEqualTo(span.get("span_id").asText());
    assertThat(request.traceId()).isEqualTo(trace.get("trace_id").asText());
    assertThat(request.spanName()).isEqualTo("judged_chat");
    assertThat(request.model()).isEqualTo("gpt-4o-mini");
    assertThat(request.prompt()).isEqualTo("capital of France?");
    assertThat(request.response()).isEqualTo("Paris.");
    assertThat(request.criteria()).containsExactly("relevance", "correctness");
    assertThat(request.metadata())
        .isEqualTo(Map.of("suite", "support", "context", "Paris is in France"));
    assertThat(request.context().spanId()).isEqualTo(request.spanId());
    assertThat(request.context().traceId()).isEqualTo(request.traceId());
  }

  @Test
  void aSampleRateOfZeroHandsNothingOverButTheGenerationIsStillRecorded() {
    chat.neverSampled("p");
    Llmops.flush(Duration.ofSeconds(5));

    JsonNode span = spansByName(Exported.onlyTrace(sink)).get("unsampled_chat");
    assertThat(span.get("span_type").asText()).isEqualTo("generation");
    assertThat(RecordingEvaluationHandler.REQUESTS).isEmpty();
  }

  @Test
  void aGenerationWithoutEvalsHandsNothingOver() {
    chat.withoutEvals("p");
    Llmops.flush(Duration.ofSeconds(5));

    assertThat(spansByName(Exported.onlyTrace(sink))).containsKey("unjudged_chat");
    assertThat(RecordingEvaluationHandler.REQUESTS).isEmpty();
  }
}
