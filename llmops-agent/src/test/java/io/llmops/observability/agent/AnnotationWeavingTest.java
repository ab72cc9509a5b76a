package io.llmops.observability.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.agent.fixtures.SameSignatures;
import io.llmops.observability.agent.fixtures.Service;
import io.llmops.observability.agent.testing.AgentTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationWeavingTest extends AgentTest {

  private final Service service = new Service();

  @Test
  void anAnnotatedMethodRecordsAnImplicitTraceWithItsNamedArgumentsAndOutput() {
    assertThat(service.plain("java", 3)).isEqualTo("java:3");

    JsonNode trace = onlyTrace();
    assertThat(trace.get("trace_name").asText()).isEqualTo("plain");
    JsonNode span = span(trace, "plain");
    assertThat(span.get("span_type").asText()).isEqualTo("span");
    assertThat(span.at("/input_data/kwargs/query").asText()).isEqualTo("java");
    assertThat(span.at("/input_data/kwargs/limit").asInt()).isEqualTo(3);
    assertThat(span.at("/output_data/output").asText()).isEqualTo("java:3");
    assertThat(span.get("status").asText()).isEqualTo("success");
  }

  @Test
  void methodsOfTwoClassesWithTheSameNameAndDescriptorEachRecordTheirOwnAnnotation() {
    TraceManager.startTrace("t");
    new SameSignatures.Searcher().run("q");
    new SameSignatures.Calculator().run("q");
    TraceManager.endTrace();

    assertThat(span("search_docs").get("span_type").asText()).isEqualTo("span");
    JsonNode tool = span("calculator");
    assertThat(tool.get("span_type").asText()).isEqualTo("tool");
    assertThat(tool.get("tags").toString()).isEqualTo("[\"math\"]");
  }

  @Test
  void aTrackTransactionMethodIsATransactionSpanUnderTheCurrentSpan() {
    TraceManager.startTrace("t");
    service.settle("o1");
    TraceManager.endTrace();

    JsonNode span = span("tx_decorated");
    assertThat(span.get("span_type").asText()).isEqualTo("transaction");
    assertThat(span.at("/metadata/source").asText()).isEqualTo("orders");
    assertThat(span.at("/input_data/kwargs/orderId").asText()).isEqualTo("o1");
    assertThat(span.at("/output_data/output").asText()).isEqualTo("settled-o1");
  }

  @Test
  void nameAndMetadataComeFromTheAnnotationAndABadEntryIsSkipped() {
    TraceManager.startTrace("t");
    service.named("u1");
    TraceManager.endTrace();

    JsonNode span = span("fetch_user_profile");
    assertThat(span.at("/metadata/service").asText()).isEqualTo("auth");
    assertThat(span.at("/metadata/priority").asText()).isEqualTo("high");
    assertThat(span.at("/metadata/environment").asText()).isEqualTo("test");
    assertThat(span.get("metadata").has("bad entry")).isFalse();
  }

  @Test
  void staticPrivateGenericVoidAndDefaultInterfaceMethodsAreWoven() {
    TraceManager.startTrace("kinds");
    assertThat(Service.twice(21)).isEqualTo(42);
    assertThat(service.callsPrivate("abc")).isEqualTo("ABC");
    assertThat(service.max(List.of(3, 9, 4))).isEqualTo(9);
    service.nothing("x");
    assertThat(service.greet("bob")).isEqualTo("hello bob");
    TraceManager.endTrace();

    JsonNode trace = onlyTrace();
    assertThat(span(trace, "twice").at("/output_data/output").asInt()).isEqualTo(42);
    assertThat(span(trace, "secretStep").at("/input_data/kwargs/text").asText()).isEqualTo("abc");
    assertThat(span(trace, "max").at("/output_data/output").asInt()).isEqualTo(9);
    assertThat(span(trace, "max").at("/input_data/kwargs/values").size()).isEqualTo(3);
    assertThat(span(trace, "nothing").at("/output_data/output").isNull()).isTrue();
    JsonNode greet = span(trace, "greet");
    assertThat(greet.get("span_type").asText()).isEqualTo("tool");
    assertThat(greet.at("/input_data/kwargs/who").asText()).isEqualTo("bob");
    assertThat(trace.get("total_spans").asInt()).isEqualTo(5);
  }

  @Test
  void captureArgsAndCaptureOutputFalseRecordNeither() {
    TraceManager.startTrace("quiet");
    service.private_data("hunter2");
    TraceManager.endTrace();

    JsonNode span = span("private_data");
    assertThat(span.at("/input_data/kwargs").size()).isZero();
    assertThat(span.at("/input_data/args").size()).isZero();
    assertThat(span.at("/output_data/output").isNull()).isTrue();
    assertThat(onlyTrace().toString()).doesNotContain("hunter2");
  }

  @Test
  void captureSelfRecordsTheReceiversFieldsWithSecretsRedacted() {
    TraceManager.startTrace("self");
    service.fee(100.0);
    TraceManager.endTrace();

    JsonNode self = span("fee").at("/input_data/self");
    assertThat(self.get("merchantId").asText()).isEqualTo("merch_123");
    assertThat(self.get("feeRate").asDouble()).isEqualTo(0.029);
    assertThat(self.get("apiKey").asText()).isEqualTo("[REDACTED]");
    assertThat(onlyTrace().toString()).doesNotContain("do-not-export-me");
  }

  @Test
  void withoutCaptureSelfTheReceiverIsNotRecorded() {
    TraceManager.startTrace("noself");
    service.plain("q", 1);
    TraceManager.endTrace();

    assertThat(span("plain").at("/input_data").has("self")).isFalse();
  }

  @Test
  void anExceptionIsRecordedAndRethrownUnchanged() {
    TraceManager.startTrace("failing");
    Throwable thrown = null;
    try {
      service.failingTool("x");
    } catch (IOException e) {
      thrown = e;
    }
    assertThat(thrown).isInstanceOf(IOException.class).hasMessage("disk on fire: x");
    assertThat(thrown.getStackTrace()[0].getMethodName()).isEqualTo("failingTool");
    TraceManager.endTrace();

    JsonNode span = span("failingTool");
    assertThat(span.get("span_type").asText()).isEqualTo("tool");
    assertThat(span.get("status").asText()).isEqualTo("error");
    assertThat(span.get("level").asText()).isEqualTo("ERROR");
    assertThat(span.get("error").asText()).isEqualTo("java.io.IOException: disk on fire: x");
  }

  @Test
  void anErrorIsRethrownUnchangedToo() {
    assertThatThrownBy(() -> service.throwsError("deep")).isExactlyInstanceOf(StackOverflowError.class)
        .hasMessage("deep");
    assertThat(span("throwsError").get("status").asText()).isEqualTo("error");
  }

  @Test
  void nestedCallsAndCallsFromLambdasNestUnderTheCallersSpan() {
    assertThat(service.agent("q")).isEqualTo("sum(q-doc1);sum(q-doc2);");

    JsonNode trace = onlyTrace();
    assertThat(trace.get("trace_name").asText()).isEqualTo("agent_loop");
    assertThat(trace.get("total_spans").asInt()).isEqualTo(4);
    JsonNode agent = span(trace, "agent_loop");
    assertThat(agent.get("span_type").asText()).isEqualTo("agent");
    assertThat(agent.get("parent_span_id").isNull()).isTrue();
    String agentId = agent.get("span_id").asText();
    assertThat(span(trace, "search_docs").get("parent_span_id").asText()).isEqualTo(agentId);
    int summaries = 0;
    for (JsonNode span : trace.get("spans")) {
      if (span.get("span_name").asText().equals("summarize")) {
        assertThat(span.get("parent_span_id").asText()).isEqualTo(agentId);
        summaries++;
      }
    }
    assertThat(summaries).isEqualTo(2);
  }

  @Test
  void afterAWovenMethodReturnsTheCallersContextIsRestored() {
    String traceId = TraceManager.startTrace("outer");
    service.plain("a", 1);
    assertThat(io.llmops.observability.LlmopsContext.current().traceId()).isEqualTo(traceId);
    assertThat(io.llmops.observability.LlmopsContext.current().spanId()).isNull();
    TraceManager.endTrace();
    assertThat(span("plain").get("parent_span_id").isNull()).isTrue();
  }
}
