package io.llmops.observability.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.llmops.observability.processor.ExportedTrace;
import io.llmops.observability.processor.LocalFolderStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSinkTest {

  private static final String ROOT = "11111111-2222-4333-8444-555555555555";
  private static final String CHILD = "11111111-2222-4333-8444-666666666666";
  private static final String EVALUATION = "11111111-2222-4333-8444-777777777777";

  @TempDir Path folder;

  @Test
  void aTraceIsArchivedByProjectEnvironmentStartDateAndTraceId() throws IOException {
    ArchiveSink archive = new ArchiveSink("archive", new LocalFolderStore(folder));
    ObjectNode trace = Exports.trace("support", "prod", ROOT, CHILD);

    archive.deliver(Exports.first(trace));

    Path file = folder.resolve("traces/support/prod/2026/01/26/" + Exports.TRACE_ID + ".json");
    assertThat(Exports.JSON.readTree(Files.readAllBytes(file))).isEqualTo(trace);
  }

  @Test
  void projectAndEnvironmentAreReducedToKeyCharacters() {
    ObjectNode trace = Exports.trace("../Support Bot", "prod/eu", ROOT);

    assertThat(ArchiveSink.keyOf(Exports.first(trace)))
        .isEqualTo("traces/___Support_Bot/prod_eu/2026/01/26/" + Exports.TRACE_ID + ".json");
  }

  @Test
  void aTraceWithoutAStartTimeOrProjectIsStillArchived() {
    ObjectNode trace = Exports.trace("", "prod", ROOT);
    trace.remove("start_time");

    assertThat(ArchiveSink.keyOf(Exports.first(trace)))
        .isEqualTo("traces/unknown/prod/undated/" + Exports.TRACE_ID + ".json");
  }

  @Test
  void anIsoStartTimeGivesItsUtcDate() {
    ObjectNode trace = Exports.trace("support", "prod", ROOT).put("start_time", "2026-03-01T00:30:00Z");

    assertThat(ArchiveSink.keyOf(Exports.first(trace))).contains("/2026/03/01/");
  }

  @Test
  void aLateExportRewritesTheWholeMergedTraceAtTheSameKey() throws IOException {
    LocalFolderStore store = new LocalFolderStore(folder);
    ArchiveSink archive = new ArchiveSink("archive", store);
    ObjectNode first = Exports.trace("support", "prod", ROOT, CHILD);
    ObjectNode merged = Exports.withSpan(first, EVALUATION, "evaluation");

    archive.deliver(Exports.first(first));
    ExportedTrace late = Exports.late(merged, "eval-segment", Set.of(EVALUATION));
    archive.deliver(late);

    assertThat(store.list("traces/")).containsExactly(ArchiveSink.keyOf(late));
    byte[] archived = store.get(ArchiveSink.keyOf(late)).orElseThrow().content();
    assertThat(Exports.JSON.readTree(archived).get("spans")).hasSize(3);
  }
}
