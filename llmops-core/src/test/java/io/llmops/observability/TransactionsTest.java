package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TestConfigs;
import io.llmops.observability.testing.TracingHarness;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TransactionsTest {

  /** The form of every span id on the wire: a lower-case version-4 UUID with its dashes. */
  private static final String UUID =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  /** The specification's transaction_flow example. */
  @Test
  void aTransactionIsASpanWhoseIdIsItsSpanIdAndWhoseInnerSpansAreItsChildren() {
    TraceManager.startTrace("transaction_flow");
    String txId = Transactions.startTransaction("logger_lambda_transaction",
        Map.of("component", "transaction_logger"), Map.of("record_count", 3));
    assertThat(txId).matches(UUID);
    assertThat(Transactions.openTransactionIds()).contains(txId);
    try (Span http = Llmops.span("POST /lambda/log").start()) {
      http.setMetadata("http.url", "https://api.example.com/lambda/log?token=txSecret9876543");
    }
    assertThat(Transactions.ending(txId).status("success")
        .output(Map.of("lambda_status", "accepted")).end()).isTrue();
    assertThat(Transactions.openTransactionIds()).doesNotContain(txId);
    TraceManager.finalizeTrace().name("transaction_flow").input(Map.of()).output(Map.of()).send();

    JsonNode trace = Exported.onlyTrace(sink);
    Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
    JsonNode tx = spans.get("logger_lambda_transaction");
    assertThat(tx.get("span_type").asText()).isEqualTo("transaction");
    assertThat(tx.get("span_id").asText()).isEqualTo(txId);
    assertThat(DecodedTraces.parentOf(tx)).isNull();
    assertThat(tx.get("status").asText()).isEqualTo("success");
    assertThat(tx.at("/metadata/component").asText()).isEqualTo("transaction_logger");
    assertThat(tx.at("/metadata/transaction.status").asText()).isEqualTo("success");
    assertThat(tx.at("/input_data/kwargs/record_count").asInt()).isEqualTo(3);
    assertThat(tx.at("/output_data/output/lambda_status").asText()).isEqualTo("accepted");
    assertThat(DecodedTraces.parentOf(spans.get("POST /lambda/log")))
        .isEqualTo(tx.get("span_id").asText());
    assertThat(Exported.everything(sink.messages().get(0))).doesNotContain("txSecret9876543");
  }

  @Test
  void theIdOfEveryKindOfTransactionIsTheSpanIdFoundInTheExportedTrace() {
    TraceManager.startTrace("ids");
    String started = Transactions.startTransaction("started");
    Transactions.endTransaction(started);
    String handle;
    try (Transaction tx = Transactions.transaction("handle")) {
      handle = tx.id();
    }
    String inner = Transactions.call("called", () -> Llmops.currentSpan().spanId());
    TraceManager.endTrace();

    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    assertThat(spans.get("started").get("span_id").asText()).isEqualTo(started);
    assertThat(spans.get("handle").get("span_id").asText()).isEqualTo(handle);
    assertThat(spans.get("called").get("span_id").asText()).isEqualTo(inner);
    assertThat(SchemaValidator.validateTrace(Exported.onlyTrace(sink))).isEmpty();
  }

  /** The specification's form of a transaction id, uuid4().hex, names the same transaction. */
  @Test
  void aTransactionCanBeEndedByItsIdWithoutDashesOrInUpperCase() {
    TraceManager.startTrace("spellings");
    String plain = Transactions.startTransaction("without_dashes");
    String shouted = Transactions.startTransaction("upper_case");
    assertThat(Transactions.endTransaction(shouted.toUpperCase(java.util.Locale.ROOT))).isTrue();
    assertThat(Transactions.endTransaction(plain.replace("-", ""))).isTrue();
    assertThat(Transactions.endTransaction(plain)).isFalse();
    assertThat(Transactions.openTransactionIds()).doesNotContain(plain, shouted);
    TraceManager.endTrace();

    assertThat(DecodedTraces.spansByName(Exported.onlyTrace(sink)))
        .containsKeys("without_dashes", "upper_case");
  }

  @Test
  void aFailureGivenAsTextHasNoStackTraceKeyRatherThanAnEmptyOne() {
    TraceManager.startTrace("transaction_flow");
    String txId = Transactions.startTransaction("failing_tx");
    Transactions.ending(txId).error("lambda unreachable").end();
    TraceManager.endTrace();

    JsonNode tx = Exported.onlyTrace(sink).get("spans").get(0);
    assertThat(tx.at("/metadata/exception.type").asText()).isEqualTo(Transactions.ERROR_TYPE);
    assertThat(tx.at("/metadata/exception.message").asText()).isEqualTo("lambda unreachable");
    assertThat(tx.at("/metadata/exception.stacktrace").isMissingNode()).isTrue();
  }

  @Test
  void endingWithAnExceptionMarksTheTransactionFailed() {
    TraceManager.startTrace("transaction_flow");
    String txId = Transactions.startTransaction("failing_tx");
    IllegalStateException boom = new IllegalStateException("lambda unreachable");
    assertThat(Transactions.ending(txId).status("error").exception(boom).end()).isTrue();
    TraceManager.endTrace();

    JsonNode tx = Exported.onlyTrace(sink).get("spans").get(0);
    assertThat(tx.get("status").asText()).isEqualTo("error");
    assertThat(tx.get("level").asText()).isEqualTo("ERROR");
    assertThat(tx.get("error").asText()).isEqualTo("java.lang.IllegalStateException: lambda unreachable");
    assertThat(tx.at("/metadata/transaction.status").asText()).isEqualTo("error");
  }

  @Test
  void endingWithAnErrorMessageOrAFailedStatusMarksTheTransactionFailed() {
    TraceManager.startTrace("statuses");
    String withMessage = Transactions.startTransaction("with_message");
    Transactions.ending(withMessage).error("timeout after 5s").end();
    String withStatus = Transactions.startTransaction("with_status");
    Transactions.ending(withStatus).status("FAILED").end();
    String custom = Transactions.startTransaction("custom_status");
    Transactions.ending(custom).status("accepted").end();
    TraceManager.endTrace();

    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    assertThat(spans.get("with_message").get("error").asText())
        .isEqualTo("TransactionError: timeout after 5s");
    assertThat(spans.get("with_message").at("/metadata/transaction.status").asText()).isEqualTo("error");
    assertThat(spans.get("with_status").get("status").asText()).isEqualTo("error");
    assertThat(spans.get("custom_status").get("status").asText()).isEqualTo("success");
    assertThat(spans.get("custom_status").at("/metadata/transaction.status").asText())
        .isEqualTo("accepted");
  }

  @Test
  void theEndingTakesTheSpecificationsKeywordsAndTheExceptionWinsOverAMessage() {
    TraceManager.startTrace("keywords");
    String both = Transactions.startTransaction("both");
    IllegalStateException boom = new IllegalStateException("lambda unreachable");
    assertThat(Transactions.ending(both).output(Map.of("partial", true)).error("as text")
        .exception(boom).end()).isTrue();
    TraceManager.endTrace();

    JsonNode tx = DecodedTraces.spansByName(Exported.onlyTrace(sink)).get("both");
    assertThat(tx.get("error").asText()).isEqualTo("java.lang.IllegalStateException: lambda unreachable");
    assertThat(tx.at("/metadata/transaction.status").asText()).isEqualTo("error");
    assertThat(tx.at("/output_data/output/partial").asBoolean()).isTrue();
  }

  @Test
  void endingTheNullIdOfDisabledTracingIsHarmlessAndNotAnInvalidArgument() {
    Llmops.configure(TestConfigs.isolated().enabled(false).build());
    TraceManager.startTrace("off");
    String txId = Transactions.startTransaction("nothing");

    assertThat(txId).isNull();
    assertThat(Transactions.ending(txId).status("error").error("e").end()).isFalse();
    assertThat(Llmops.stats().counters()).isEmpty();
  }

  @Test
  void endingTwiceOrEndingAnUnknownIdReturnsFalse() {
    TraceManager.startTrace("guard");
    String txId = Transactions.startTransaction("once");
    assertThat(Transactions.endTransaction(txId)).isTrue();
    assertThat(Transactions.endTransaction(txId)).isFalse();
    assertThat(Transactions.ending(txId).status("error").error("again").end()).isFalse();
    assertThat(Transactions.endTransaction("0123456789abcdef0123456789abcdef")).isFalse();
    assertThat(Transactions.endTransaction(null)).isFalse();
    TraceManager.endTrace();

    JsonNode tx = Exported.onlyTrace(sink).get("spans").get(0);
    assertThat(tx.get("status").asText()).isEqualTo("success"); // the second end changed nothing
  }

  @Test
  void aTransactionIsParentedByTheActiveSpanAndRestoresItWhenItEnds() {
    TraceManager.startTrace("nesting");
    String outerId;
    String innerTx;
    try (Span outer = Llmops.span("outer").start()) {
      outerId = outer.spanId();
      String txA = Transactions.startTransaction("tx_a");
      innerTx = Transactions.startTransaction("tx_b");
      assertThat(Transactions.openTransactionIds()).contains(txA, innerTx);
      Llmops.span("work").run(() -> { });
      assertThat(Transactions.endTransaction(innerTx)).isTrue();
      assertThat(Llmops.currentSpan().spanId()).isEqualTo(txA);
      assertThat(Transactions.endTransaction(txA)).isTrue();
      assertThat(Llmops.currentSpan().spanId()).isEqualTo(outerId);
    }
    TraceManager.endTrace();

    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    assertThat(DecodedTraces.parentOf(spans.get("tx_a"))).isEqualTo(outerId);
    assertThat(DecodedTraces.parentOf(spans.get("tx_b"))).isEqualTo(spans.get("tx_a").get("span_id").asText());
    assertThat(DecodedTraces.parentOf(spans.get("work"))).isEqualTo(spans.get("tx_b").get("span_id").asText());
  }

  @Test
  void withoutATraceNothingStartsAndTheHandleIsInert() {
    assertThat(Transactions.startTransaction("no_trace")).isNull();
    try (Transaction tx = Transactions.transaction("no_trace_either")) {
      assertThat(tx.id()).isNull();
      assertThat(tx.isRecording()).isFalse();
      tx.setOutput("ignored").fail("ignored");
    }
    assertThat(Transactions.call("no_trace_call", () -> 42)).isEqualTo(42);
    assertThat(Llmops.currentSpan().isRecording()).isFalse();
    assertThat(Exported.flushed(sink)).isEmpty();
  }

  @Test
  void aBlankNameIsRejectedEvenWithoutATrace() {
    assertThatThrownBy(() -> Transactions.startTransaction(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
  }

  /** The specification's context-manager form, as try-with-resources. */
  @Test
  void theTryWithResourcesFormEndsTheTransactionWithItsOutcome() {
    TraceManager.startTrace("tx_context");
    String id;
    try (Transaction tx = Transactions.transaction("tx_with_context", Map.of("source", "orders"), null)) {
      id = tx.id();
      assertThat(tx.isRecording()).isTrue();
      tx.setOutput("stored");
    }
    try (Transaction tx = Transactions.transaction("tx_failed")) {
      tx.fail(new IllegalArgumentException("bad order"));
    }
    assertThat(Transactions.openTransactionIds()).doesNotContain(id);
    TraceManager.endTrace();

    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    assertThat(spans.get("tx_with_context").get("status").asText()).isEqualTo("success");
    assertThat(spans.get("tx_with_context").at("/metadata/source").asText()).isEqualTo("orders");
    assertThat(spans.get("tx_with_context").at("/output_data/output").asText()).isEqualTo("stored");
    assertThat(spans.get("tx_failed").get("error").asText())
        .isEqualTo("java.lang.IllegalArgumentException: bad order");
  }

  /** What {@code @TrackTransaction(name = "tx_decorated")} will call once woven. */
  @Test
  void callRecordsTheResultAndRethrowsFailuresUnchanged() {
    TraceManager.startTrace("tx_call");
    assertThat(Transactions.call("tx_decorated", () -> "ok")).isEqualTo("ok");
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> Transactions.call("tx_throws", () -> {
      throw boom;
    })).isSameAs(boom);
    TraceManager.endTrace();

    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    assertThat(spans.get("tx_decorated").at("/output_data/output").asText()).isEqualTo("ok");
    assertThat(spans.get("tx_throws").get("status").asText()).isEqualTo("error");
  }

  @Test
  void aTransactionMayBeEndedOnAnotherThread() throws Exception {
    TraceManager.startTrace("cross_thread");
    String txId = Transactions.startTransaction("handed_off");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      assertThat(pool.submit(() -> Transactions.endTransaction(txId)).get(10, TimeUnit.SECONDS))
          .isTrue();
    } finally {
      pool.shutdown();
    }
    assertThat(Transactions.endTransaction(txId)).isFalse();
    assertThat(Transactions.openTransactionIds()).doesNotContain(txId);
    TraceManager.endTrace();
    JsonNode tx = Exported.onlyTrace(sink).get("spans").get(0);
    assertThat(tx.get("span_name").asText()).isEqualTo("handed_off");
  }

  @Test
  void manyTransactionsAcrossThreadsGetUniqueIdsAndNoneStaysOpen() throws Exception {
    int threads = 8;
    int perThread = 50;
    Set<String> ids = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          TraceManager.startTrace("tx-thread-" + thread);
          for (int i = 0; i < perThread; i++) {
            String id = Transactions.startTransaction("tx-" + thread + "-" + i);
            ids.add(id);
            Llmops.span("inside-" + thread + "-" + i).run(() -> { });
            assertThat(Transactions.endTransaction(id)).isTrue();
            assertThat(Transactions.endTransaction(id)).isFalse();
          }
          TraceManager.endTrace();
        }));
      }
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(ids).hasSize(threads * perThread).allMatch(id -> id.matches(UUID));
    assertThat(Transactions.openTransactionIds()).doesNotContainAnyElementsOf(ids);
    Map<String, JsonNode> traces = DecodedTraces.byTraceId(Exported.flushed(sink));
    assertThat(traces).hasSize(threads);
    for (JsonNode trace : traces.values()) {
      Map<String, JsonNode> spans = DecodedTraces.spansByName(trace);
      assertThat(spans).hasSize(2 * perThread);
      spans.forEach((name, span) -> {
        if (name.startsWith("inside-")) {
          JsonNode tx = spans.get(name.replace("inside-", "tx-"));
          assertThat(DecodedTraces.parentOf(span)).isEqualTo(tx.get("span_id").asText());
        } else {
          assertThat(DecodedTraces.parentOf(span)).isNull();
        }
      });
    }
  }

  @Test
  void transactionsThatAreNeverEndedCannotAccumulateWithoutBound() {
    TraceManager.startTrace("leaky");
    List<String> started = new ArrayList<>();
    String id;
    while ((id = Transactions.startTransaction("never_ended")) != null) {
      started.add(id);
      assertThat(started.size()).isLessThanOrEqualTo(ScopedSpan.MAX_OPEN);
    }
    assertThat(Transactions.openTransactionIds()).hasSize(ScopedSpan.MAX_OPEN);
    assertThat(Llmops.stats().get("dropped.open_limit")).isEqualTo(1);

    for (int i = started.size() - 1; i >= 0; i--) {
      assertThat(Transactions.endTransaction(started.get(i))).isTrue();
    }
    String again = Transactions.startTransaction("room_again");
    assertThat(again).isNotNull();
    assertThat(Transactions.endTransaction(again)).isTrue();
    TraceManager.endTrace(); // the next test on this thread starts with no trace
  }
}
