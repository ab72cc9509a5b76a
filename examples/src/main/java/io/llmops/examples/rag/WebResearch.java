package io.llmops.examples.rag;

import io.llmops.observability.CrawlSession;
import io.llmops.observability.CrawlTelemetry;
import java.util.Map;

/**
 * A pretend web search and crawl, recorded with the crawl telemetry API: one session with a
 * search event, two page fetches (one a 404) and a parse step that fails. The query map carries
 * an API key and one URL a token: both leave the process redacted.
 */
final class WebResearch {

  void research(String question) {
    Map<String, Object> query = Map.of("q", question, "api_key", "demo-search-key-123");
    try (CrawlSession session = CrawlTelemetry.crawlSession("demo_crawler", query, Map.of("run", "1"))) {
      CrawlTelemetry.recordCrawlEvent("search_request", query, "ok", 15L, null);
      CrawlTelemetry.recordCrawlPage(
          "https://docs.example.com/java/history?token=demo-page-token", query, 200, 120L, null);
      CrawlTelemetry.recordCrawlPage("https://docs.example.com/java/missing", null, 404, 40L, "not found");
      CrawlTelemetry.recordCrawlEvent("result_parse", null, "failed", 12L, "invalid html fragment");
    }
  }
}
