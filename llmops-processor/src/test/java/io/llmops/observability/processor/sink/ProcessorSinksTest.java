package io.llmops.observability.processor.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.llmops.observability.processor.LocalFolderStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorSinksTest {

  @TempDir Path folder;

  @Test
  void withNoSettingTheArchiveIsTheOnlySink() {
    try (SinkFanOut fanOut = ProcessorSinks.fromSettings(Map.of(), new LocalFolderStore(folder))) {
      assertThat(fanOut.sinkNames()).containsExactly("archive");
    }
  }

  @Test
  void theSettingNamesTheSinksInItsOrder() {
    Map<String, String> settings = Map.of(ProcessorSinks.SINKS, "otlp, archive,langfuse",
        "LANGFUSE_PUBLIC_KEY", "pk-lf-1", "LANGFUSE_SECRET_KEY", "sk-lf-1");

    try (SinkFanOut fanOut = ProcessorSinks.fromSettings(settings, new LocalFolderStore(folder))) {
      assertThat(fanOut.sinkNames()).containsExactly("otlp", "archive", "langfuse");
    }
  }

  @Test
  void theArchiveGoesToItsOwnFolderWhenOneIsSet() {
    Path archive = folder.resolve("archive");
    Map<String, String> settings = Map.of(ProcessorSinks.ARCHIVE_FOLDER, archive.toString());

    try (SinkFanOut fanOut = ProcessorSinks.fromSettings(settings,
        new LocalFolderStore(folder.resolve("state")))) {
      assertThat(fanOut.deliver(Exports.first(Exports.trace("support", "prod",
          "11111111-2222-4333-8444-555555555555")))).isTrue();
    }
    assertThat(archive.resolve("traces/support/prod/2026/01/26")).isDirectory();
    assertThat(folder.resolve("state/deliveries")).isDirectory();
  }

  @Test
  void anUnknownSinkIsRefusedNamingTheSetting() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProcessorSinks.fromSettings(Map.of(ProcessorSinks.SINKS, "archive,s3"),
            new LocalFolderStore(folder)))
        .withMessage("LLMOPS_PROCESSOR_SINKS names an unknown sink 's3'; known: archive, langfuse, otlp");
  }

  @Test
  void aSinkNamedTwiceIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProcessorSinks.fromSettings(Map.of(ProcessorSinks.SINKS, "otlp,otlp"),
            new LocalFolderStore(folder)))
        .withMessage("LLMOPS_PROCESSOR_SINKS names the sink 'otlp' twice");
  }

  @Test
  void anInvalidRetrySettingIsRefusedWithoutEchoingItsValue() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProcessorSinks.fromSettings(Map.of(ProcessorSinks.ATTEMPTS, "2.5"),
            new LocalFolderStore(folder)))
        .withMessage("LLMOPS_PROCESSOR_SINK_ATTEMPTS must be a whole number from 1 to 10");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProcessorSinks.fromSettings(Map.of(ProcessorSinks.DEADLINE, "secret-ish"),
            new LocalFolderStore(folder)))
        .withMessage("LLMOPS_PROCESSOR_SINK_DEADLINE must be a number from 1 to 600");
  }

  @Test
  void anInvalidOtlpSettingIsRefusedNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProcessorSinks.fromSettings(Map.of(ProcessorSinks.SINKS, "otlp",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://collector"), new LocalFolderStore(folder)))
        .withMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT")
        .withMessageNotContaining("ftp://collector");
  }
}
