package io.llmops.observability.ui.internal;

import static io.llmops.observability.ui.SampleTraces.supportTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.DecodedTrace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview read from the hourly roll-ups agrees with the stored traces as they change. */
class OverviewTest {

  /** 2026-11-20T00:00:00Z */
  private static final double DAY_START = 1_795_132_800;
  private static final long ALL_FROM_MS = 0;
  private static final long ALL_TO_MS = Long.MAX_VALUE;

  @TempDir Path directory;
  private TraceStore store;

  @BeforeEach
  void open() throws Exception {
    store = TraceStore.open(directory);
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  @Test
  void costAndTokensAreSummedByModelAndByDay() throws Exception {
    store(supportTrace("answer", "ann", DAY_START + 60, "gpt-4o", false));
    store(supportTrace("answer", "bob", DAY_START + 7_200, "gpt-4o", false));
    store(supportTrace("answer", "cy", DAY_START + 86_400 + 60, "claude-3-5-haiku", false));

    JsonNode overview = overview();

    JsonNode gpt = overview.get("by_model").get(0);
    assertThat(gpt.get("model").asText()).isEqualTo("gpt-4o");
    assertThat(gpt.get("cost").asDouble()).isCloseTo(0.0084, within(1e-12));
    assertThat(gpt.get("input_tokens").asLong()).isEqualTo(240);
    assertThat(gpt.get("spans").asLong()).isEqualTo(2);
    assertThat(overview.get("by_model").get(1).get("model").asText()).isEqualTo("claude-3-5-haiku");
    assertThat(overview.get("by_day")).extracting(day -> day.get("day").asText() + "=" + day.get("traces").asLong())
        .containsExactly("2026-11-20=2", "2026-11-21=1");
    assertThat(overview.get("by_day").get(0).get("tokens").asLong()).isEqualTo(320);
  }

  @Test
  void latencyPercentilesAreWithinOnePercentAndTheErrorRateIsExact() throws Exception {
    for (int i = 1; i <= 10; i++) {
      ObjectNode trace = supportTrace("answer", "ann", DAY_START + i * 600, "gpt-4o", i == 10);
      trace.put("duration_ms", i * 137);
      store(trace);
    }

    JsonNode answer = overview().get("by_name").get(0);

    assertThat(answer.get("traces").asLong()).isEqualTo(10);
    assertThat(answer.get("p50_ms").asDouble()).isCloseTo(5 * 137, withinPercentage(1));
    assertThat(answer.get("p90_ms").asDouble()).isCloseTo(9 * 137, withinPercentage(1));
    assertThat(answer.get("p99_ms").asDouble()).isCloseTo(10 * 137, withinPercentage(1));
    assertThat(answer.get("error_rate").asDouble()).isEqualTo(0.1);
  }

  @Test
  void scoresAreCountedInTheirBucket() throws Exception {
    store(supportTrace("answer", "ann", DAY_START, "gpt-4o", false));
    store(supportTrace("answer", "bob", DAY_START + 60, "gpt-4o", false));

    JsonNode helpfulness = overview().get("scores").get(0);

    assertThat(helpfulness.get("name").asText()).isEqualTo("helpfulness");
    assertThat(helpfulness.get("buckets")).filteredOn(bucket -> bucket.get("count").asLong() > 0).singleElement()
        .satisfies(bucket -> assertThat(bucket.get("label").asText() + "=" + bucket.get("count").asLong())
            .isEqualTo("0.80–0.90=2"));
  }

  @Test
  void aTraceStoredAgainCountsOnceAsItIsNow() throws Exception {
    ObjectNode trace = supportTrace("draft", "ann", DAY_START, "gpt-4o", false);
    store(trace);
    trace.put("trace_name", "final");
    store(trace);

    JsonNode overview = overview();

    assertThat(overview.get("by_name")).singleElement()
        .satisfies(name -> assertThat(name.get("name").asText() + "=" + name.get("traces").asLong()).isEqualTo("final=1"));
    assertThat(overview.get("by_model").get(0).get("spans").asLong()).isEqualTo(1);
  }

  @Test
  void deletedTracesLeaveTheOverviewAndTheirEmptiedSummaryRowsGo() throws Exception {
    store(supportTrace("old", "ann", DAY_START, "gpt-4o", false));
    store(supportTrace("new", "ann", DAY_START + 86_400, "gpt-4o", false));

    store.writer().deleteStartedBefore((long) ((DAY_START + 3_600) * 1000));

    JsonNode overview = overview();
    assertThat(overview.get("by_name")).extracting(name -> name.get("name").asText()).containsExactly("new");
    assertThat(overview.get("by_day")).hasSize(1);
    assertThat(summaryRows()).as("one row of each roll-up, all for the trace left").isEqualTo(4);
  }

  @Test
  void aDatabaseWrittenBeforeTheRollUpsGetsThemAndItsTextIndexedWhenOpened() throws Exception {
    store(supportTrace("answer", "ann", DAY_START, "gpt-4o", false));
    JsonNode before = overview();
    store.close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("traces.db"));
        Statement statement = connection.createStatement()) {
      for (String table : Rollups.NAMES) {
        statement.execute("DROP TABLE " + table);
      }
      statement.execute("DROP TABLE trace_text");
      statement.execute("PRAGMA user_version = 1");
    }

    store = TraceStore.open(directory);

    assertThat(overview()).isEqualTo(before);
    assertThat(store.reader().list(TraceQuery.of(java.util.Map.of("text", "password"))).get("traces")).hasSize(1);
  }

  private long summaryRows() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("traces.db"));
        Statement statement = connection.createStatement();
        var row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM rollup_traces) + (SELECT COUNT(*) FROM rollup_latency)"
            + " + (SELECT COUNT(*) FROM rollup_models) + (SELECT COUNT(*) FROM rollup_scores)")) {
      row.next();
      return row.getLong(1);
    }
  }

  private JsonNode overview() throws Exception {
    return store.reader().overview(ALL_FROM_MS, ALL_TO_MS);
  }

  private void store(ObjectNode trace) throws Exception {
    store.writer().upsert(List.of(new DecodedTrace(trace.get("trace_id").asText(), null, false, false, trace)));
  }
}
