package io.llmops.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TestConfigs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Llmops.configure} starts a new runtime from its configuration alone (prices set in code
 * start afresh) that carries on the old one's work in flight: open transactions and crawl
 * sessions can still be ended, and their trace arrives through the new runtime's sink.
 */
class ConfigureReplacesTheRuntimeTest {

  @AfterEach
  void shutDown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  @Test
  void pricesSetInCodeEndWithTheirRuntime() {
    Llmops.configure(TestConfigs.isolated().addSink(new CollectingSink()).build());
    Pricing.setPrice("house-model-1", new ModelPrice(1.0, 2.0, null, null));
    assertThat(Pricing.price("house-model-1")).isPresent();

    Llmops.configure(TestConfigs.isolated().addSink(new CollectingSink()).build());

    assertThat(Pricing.price("house-model-1")).isEmpty();
  }

  @Test
  void openTransactionsAndCrawlSessionsCarryOnInTheNewRuntime() {
    Llmops.configure(TestConfigs.isolated().addSink(new CollectingSink()).build());
    TraceManager.startTrace("before");
    String transaction = Transactions.startTransaction("checkout", null, null);
    String session = CrawlTelemetry.startCrawlSession("provider", "query", null);
    CollectingSink next = new CollectingSink();

    Llmops.configure(TestConfigs.isolated().addSink(next).build());

    assertThat(Transactions.openTransactionIds()).containsExactly(transaction);
    assertThat(CrawlTelemetry.endCrawlSession(session)).isTrue();
    assertThat(Transactions.endTransaction(transaction)).isTrue();
    assertThat(TraceManager.finalizeAndSend()).isTrue();
    JsonNode trace = Exported.onlyTrace(next);
    assertThat(DecodedTraces.spansByName(trace)).containsKeys("checkout");
    assertThat(trace.path("trace_name").asText()).isEqualTo("before");
  }
}
