package io.llmops.observability;

import static io.llmops.observability.CrawlTelemetry.crawlSession;
import static io.llmops.observability.CrawlTelemetry.recordCrawlEvent;
import static io.llmops.observability.CrawlTelemetry.recordCrawlPage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.TracingHarness;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.WireDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CrawlTelemetryTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();


  /** The specification's research_agent example, secrets and partial failures included. */
  @Test
  void aSessionCountsItsPagesAndEventsAndNestsThemWhileSecretsAreRedacted() {
    TraceManager.startTrace("research_agent");
    String sessionId;
    try (CrawlSession session = crawlSession("scrapy", "climate data", Map.of("run", "1"))) {
      sessionId = session.id();
      recordCrawlEvent("search_request", Map.of("q", "climate data", "api_key", "secretKey0001"),
          "ok", 15L, null);
      recordCrawlPage("https://docs.example.com/guide?token=secretTok0002",
          Map.of("q", "climate data", "token", "secretTok0003"), 200, 120L, null);
      recordCrawlPage("https://docs.example.com/missing", null, 404, 40L, "not found");
      recordCrawlEvent("result_parse", null, "failed", 12L, "invalid html fragment");
      assertThat(session.pagesOk()).isEqualTo(1);
      assertThat(session.eventsFailed()).isEqualTo(1);
    }
    TraceManager.finalizeTrace().name("research_agent").input(Map.of()).output(Map.of()).send();

    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode session = DecodedTraces.spansOfType(trace, "crawl_session").get(0);
    assertThat(session.get("span_id").asText()).isEqualTo(sessionId);
    assertThat(session.get("status").asText()).isEqualTo("success");
    assertThat(session.at("/metadata/crawl.provider").asText()).isEqualTo("scrapy");
    assertThat(session.at("/metadata/crawl.query").asText()).isEqualTo("climate data");
    assertThat(session.at("/metadata/run").asText()).isEqualTo("1");
    assertThat(session.at("/metadata/crawl.pages_ok").asLong()).isEqualTo(1);
    assertThat(session.at("/metadata/crawl.pages_fail").asLong()).isEqualTo(1);
    assertThat(session.at("/metadata/crawl.events_total").asLong()).isEqualTo(2);
    assertThat(session.at("/metadata/crawl.events_fail").asLong()).isEqualTo(1);

    List<JsonNode> pages = DecodedTraces.spansOfType(trace, "crawl_page");
    List<JsonNode> events = DecodedTraces.spansOfType(trace, "crawl_event");
    assertThat(pages).hasSize(2);
    assertThat(events).hasSize(2);
    List<JsonNode> children = new ArrayList<>(pages);
    children.addAll(events);
    assertThat(children).allSatisfy(child ->
        assertThat(DecodedTraces.parentOf(child)).isEqualTo(sessionId));

    JsonNode ok = pages.get(0);
    assertThat(ok.get("status").asText()).isEqualTo("success");
    assertThat(ok.at("/metadata/crawl.url").asText())
        .startsWith("https://docs.example.com/guide?token=").doesNotContain("secretTok0002");
    assertThat(ok.at("/metadata/crawl.query/q").asText()).isEqualTo("climate data");
    assertThat(ok.at("/metadata/crawl.status_code").asInt()).isEqualTo(200);
    assertThat(ok.at("/metadata/crawl.latency_ms").asLong()).isEqualTo(120);
    assertThat(ok.at("/metadata/crawl.ok").asBoolean()).isTrue();
    JsonNode missing = pages.get(1);
    assertThat(missing.get("status").asText()).isEqualTo("error");
    assertThat(missing.get("error").asText()).isEqualTo("CrawlPageError: not found");
    assertThat(missing.at("/metadata/crawl.error").asText()).isEqualTo("not found");
    assertThat(missing.at("/metadata/crawl.ok").asBoolean()).isFalse();

    JsonNode search = events.get(0);
    assertThat(search.get("span_name").asText()).isEqualTo("search_request");
    assertThat(search.at("/metadata/crawl.event_type").asText()).isEqualTo("search_request");
    assertThat(search.at("/metadata/crawl.duration_ms").asLong()).isEqualTo(15);
    JsonNode parse = events.get(1);
    assertThat(parse.get("status").asText()).isEqualTo("error");
    assertThat(parse.get("error").asText()).isEqualTo("CrawlEventError: invalid html fragment");
    assertThat(parse.at("/metadata/crawl.failure_reason").asText()).isEqualTo("invalid html fragment");

    String everything = Exported.everything(sink.messages().get(0));
    assertThat(everything).doesNotContain("secretKey0001").doesNotContain("secretTok0002")
        .doesNotContain("secretTok0003").contains("docs.example.com/guide");
  }

  @Test
  void credentialsInUrlsAndSecretsInQueryStringsAndMapsNeverLeave() {
    TraceManager.startTrace("redaction");
    try (CrawlSession ignored = crawlSession("tavily",
        Map.of("query", "llm pricing", "access_token", "sessionSecret01"), null)) {
      recordCrawlPage("https://crawler:urlPassw0rd02@intranet.example.com/a?page=2&api_key=urlKey000003",
          "q=pricing&password=querySecret04", 200, 5L, null);
      recordCrawlPage("https://example.com/b?sig=x&Authorization=Bearer%20abcdefgh05", 
          Map.of("client_secret", "mapSecret06", "filters", Map.of("refresh_token", "nested07")),
          503, 9L, null);
      recordCrawlEvent("search_request", "https://search.example.com/?apikey=evtSecret08&q=x",
          "ok", 3L, null);
    }
    TraceManager.endTrace();

    String everything = Exported.everything(Exported.flushed(sink).get(0));
    for (String secret : List.of("sessionSecret01", "urlPassw0rd02", "urlKey000003",
        "querySecret04", "abcdefgh05", "mapSecret06", "nested07", "evtSecret08")) {
      assertThat(everything).as(secret).doesNotContain(secret);
    }
    assertThat(everything).contains("intranet.example.com/a?page=2").contains("llm pricing");
  }

  @Test
  void startAndEndFunctionsGuardAgainstDoubleAndUnknownEnds() {
    TraceManager.startTrace("functions");
    String sessionId = CrawlTelemetry.startCrawlSession("scrapy", null, null);
    assertThat(sessionId).isNotNull();
    assertThat(Llmops.currentSpan().spanId()).isEqualTo(sessionId);
    recordCrawlPage("https://example.com/1", 200, 10L);
    recordCrawlEvent("rerank", "ok", 2L);
    assertThat(CrawlTelemetry.endCrawlSession(sessionId)).isTrue();
    assertThat(CrawlTelemetry.endCrawlSession(sessionId)).isFalse();
    assertThat(CrawlTelemetry.endCrawlSession("not-a-session")).isFalse();
    assertThat(CrawlTelemetry.endCrawlSession(null)).isFalse();
    assertThat(Llmops.currentSpan().isRecording()).isFalse();
    recordCrawlPage("https://example.com/after", 200, 1L); // not counted: the session ended
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode session = DecodedTraces.spansOfType(trace, "crawl_session").get(0);
    assertThat(session.at("/metadata/crawl.pages_ok").asLong()).isEqualTo(1);
    assertThat(session.at("/metadata/crawl.events_total").asLong()).isEqualTo(1);
    assertThat(session.at("/metadata/crawl.events_fail").asLong()).isZero();
    assertThat(DecodedTraces.spansOfType(trace, "crawl_page")).hasSize(2);
  }

  @Test
  void pagesRecordedOnManyThreadsAreAllCountedAndNested() throws Exception {
    int pages = 400;
    TraceManager.startTrace("parallel_crawl");
    String sessionId;
    try (CrawlSession session = crawlSession("scrapy", "bulk", null)) {
      sessionId = session.id();
      ExecutorService pool = LlmopsContext.current().wrap(Executors.newFixedThreadPool(8));
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
          int page = i;
          futures.add(pool.submit(() -> {
            if (page % 4 == 0) {
              recordCrawlPage("https://example.com/p" + page, null, 500, 3L, "server error");
            } else {
              recordCrawlPage("https://example.com/p" + page, 200, 3L);
            }
            recordCrawlEvent("parse", null, page % 5 == 0 ? "failed" : "ok", 1L, null);
          }));
        }
        for (Future<?> future : futures) {
          future.get(30, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdown();
      }
    }
    TraceManager.endTrace();

    JsonNode trace = Exported.onlyTrace(sink);
    JsonNode session = DecodedTraces.spansOfType(trace, "crawl_session").get(0);
    assertThat(session.at("/metadata/crawl.pages_ok").asLong()).isEqualTo(300);
    assertThat(session.at("/metadata/crawl.pages_fail").asLong()).isEqualTo(100);
    assertThat(session.at("/metadata/crawl.events_total").asLong()).isEqualTo(400);
    assertThat(session.at("/metadata/crawl.events_fail").asLong()).isEqualTo(80);
    assertThat(DecodedTraces.spansOfType(trace, "crawl_page")).hasSize(pages)
        .allSatisfy(p -> assertThat(DecodedTraces.parentOf(p)).isEqualTo(sessionId));
  }

  @Test
  void aPageInsideANestedSpanNestsThereAndStillCountsForTheSession() {
    TraceManager.startTrace("nested");
    try (CrawlSession session = crawlSession("tavily", "q", null)) {
      try (Span fetcher = Llmops.tool("fetcher").start()) {
        String pageId = recordCrawlPage("https://example.com/x", 200, 7L);
        assertThat(pageId).isNotNull();
      }
      assertThat(session.pagesOk()).isEqualTo(1);
    }
    TraceManager.endTrace();

    Map<String, JsonNode> spans = DecodedTraces.spansByName(Exported.onlyTrace(sink));
    assertThat(DecodedTraces.parentOf(spans.get("crawl_page")))
        .isEqualTo(spans.get("fetcher").get("span_id").asText());
    assertThat(DecodedTraces.parentOf(spans.get("fetcher")))
        .isEqualTo(spans.get("crawl_session").get("span_id").asText());
    assertThat(spans.get("crawl_session").at("/metadata/crawl.pages_ok").asLong()).isEqualTo(1);
  }

  @Test
  void aSessionFailedByAnExceptionStillCarriesItsCounters() {
    TraceManager.startTrace("crashed");
    try (CrawlSession session = crawlSession("scrapy", null, null)) {
      recordCrawlPage("https://example.com/ok", 200, 1L);
      session.recordException(new IllegalStateException("spider crashed"));
    }
    TraceManager.endTrace();
    JsonNode session = DecodedTraces.spansOfType(Exported.onlyTrace(sink), "crawl_session").get(0);
    assertThat(session.get("status").asText()).isEqualTo("error");
    assertThat(session.at("/metadata/crawl.pages_ok").asLong()).isEqualTo(1);
  }

  @Test
  void withoutATraceNothingIsRecordedAndIdsAreNull() {
    try (CrawlSession session = crawlSession("scrapy", "q", null)) {
      assertThat(session.id()).isNull();
      assertThat(session.isRecording()).isFalse();
      assertThat(recordCrawlPage("https://example.com", 200, 1L)).isNull();
      assertThat(recordCrawlEvent("search_request", "ok", 1L)).isNull();
    }
    assertThat(CrawlTelemetry.startCrawlSession("scrapy", null, null)).isNull();
    assertThat(Exported.flushed(sink)).isEmpty();
  }

  @Test
  void invalidArgumentsAreIgnoredAndCountedAsTheyAreRecordingCalls() {
    TraceManager.startTrace("crawl");
    assertThat(recordCrawlPage(" ", 200, 1L)).isNull();
    assertThat(recordCrawlPage("https://example.com", 1000, 1L)).isNull();
    assertThat(recordCrawlPage("https://example.com", 200, -1L)).isNull();
    assertThat(recordCrawlEvent("", "ok", 1L)).isNull();
    assertThat(recordCrawlEvent("parse", "ok", -5L)).isNull();
    TraceManager.endTrace();

    assertThat(Llmops.stats().get("invalid_argument.recordCrawlPage")).isEqualTo(3);
    assertThat(Llmops.stats().get("invalid_argument.recordCrawlEvent")).isEqualTo(2);
    assertThat(Exported.flushed(sink)).allSatisfy(message ->
        assertThat(WireDecoder.trace(message.body()).path("spans")).isEmpty());
  }
}
