package io.llmops.observability.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.Llmops;
import io.llmops.observability.Span;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.TestConfigs;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink writes one SQS message body per line, readable by the spec's consumer code. */
class FileSinkTest {

  /** The consumer-side decompression function of the specification, run by python3. */
  private static final String PYTHON_CONSUMER = String.join("\n",
      "import base64, gzip, json, sys",
      "",
      "def decompress_sqs_message(message_body: str) -> dict:",
      "    sqs_message = json.loads(message_body)",
      "    if not sqs_message.get('compressed'):",
      "        return sqs_message",
      "    compressed_data = base64.b64decode(sqs_message['data'])",
      "    decompressed = gzip.decompress(compressed_data)",
      "    return json.loads(decompressed)",
      "",
      "with open(sys.argv[1], encoding='utf-8') as lines:",
      "    for line in lines:",
      "        if line.strip():",
      "            trace = decompress_sqs_message(line)",
      "            print(trace['trace_id'], trace['project_id'], len(trace['spans']))",
      "");

  @TempDir
  Path tempDir;

  private Path traceDir;

  @BeforeEach
  void configure() {
    traceDir = tempDir.resolve("traces");
    Llmops.configure(TestConfigs.isolated().sinks("file").fileSinkDir(traceDir).build());
  }

  @AfterEach
  void shutdown() {
    Llmops.shutdown(Duration.ofSeconds(5));
  }

  private static List<String> sendTraces(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(TraceManager.startTrace("file_trace_" + i));
      try (Span span = Llmops.span("work").input("i", i).start()) {
        span.setOutput("line\nbreaks and \"quotes\" stay inside one line " + i);
      }
      TraceManager.endTrace();
    }
    return ids;
  }

  private List<String> writtenLines() throws IOException {
    try (Stream<Path> files = Files.list(traceDir)) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      assertThat(all.get(0).getFileName().toString()).matches("traces-\\d{4}-\\d{2}-\\d{2}\\.jsonl");
      return Files.readAllLines(all.get(0), UTF_8);
    }
  }

  /** The specification's steps in Java: JSON wrapper, base64, gunzip, JSON. */
  private static JsonNode decode(String line) throws IOException {
    JsonNode wrapper = io.llmops.observability.testing.WireDecoder.JSON.readTree(line);
    byte[] gzip = Base64.getDecoder().decode(wrapper.get("data").asText());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return io.llmops.observability.testing.WireDecoder.JSON.readTree(new String(in.readAllBytes(), UTF_8));
    }
  }

  @Test
  void eachLineIsOneMessageBodyDecodableWithTheSpecSteps() throws IOException {
    List<String> ids = sendTraces(3);
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();

    List<String> lines = writtenLines();
    assertThat(lines).hasSize(3);
    List<String> decodedIds = new ArrayList<>();
    for (String line : lines) {
      assertThat(SchemaValidator.validateBody(line)).isEmpty();
      JsonNode trace = decode(line);
      decodedIds.add(trace.get("trace_id").asText());
      assertThat(io.llmops.observability.testing.WireDecoder.wrapper(line).get("trace_id").asText())
          .isEqualTo(trace.get("trace_id").asText());
      assertThat(trace.at("/spans/0/output_data/output").asText()).contains("line\nbreaks");
    }
    assertThat(decodedIds).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(Llmops.stats().get("handed_off.file")).isEqualTo(3);
  }

  @Test
  void theSpecsPythonConsumerReadsTheFile() throws Exception {
    assumeTrue(onPath("python3"), "python3 is not on PATH");
    List<String> ids = sendTraces(2);
    assertThat(Llmops.flush(Duration.ofSeconds(10))).isTrue();
    Path file;
    try (Stream<Path> files = Files.list(traceDir)) {
      file = files.findFirst().orElseThrow();
    }
    Path script = tempDir.resolve("consumer.py");
    Files.writeString(script, PYTHON_CONSUMER, UTF_8);

    Process process = new ProcessBuilder("python3", script.toString(), file.toString())
        .redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.exitValue()).as(output).isZero();

    List<String> printed = output.lines().toList();
    assertThat(printed).hasSize(2);
    assertThat(printed).containsExactlyInAnyOrderElementsOf(
        ids.stream().map(id -> id + " test_project 1").toList());
  }

  @Test
  void anUnwritableDirectoryIsCountedAndDoesNotAffectTheApplication() throws IOException {
    Path notADirectory = tempDir.resolve("plain-file");
    Files.writeString(notADirectory, "occupied");
    Llmops.shutdown(Duration.ofSeconds(5));
    Llmops.configure(TestConfigs.isolated().sinks("file")
        .fileSinkDir(notADirectory.resolve("traces")).build());

    TraceManager.startTrace("unwritable");
    String result = Llmops.span("work").call(() -> "still works");
    assertThat(TraceManager.endTrace()).isTrue();
    TraceManager.startTrace("unwritable_2");
    TraceManager.endTrace();
    Llmops.flush(Duration.ofSeconds(10));

    assertThat(result).isEqualTo("still works");
    assertThat(Llmops.stats().get("export_failed.file")).isEqualTo(2);
    assertThat(Llmops.stats().get("handed_off.file")).isZero();
    assertThat(Files.readString(notADirectory)).isEqualTo("occupied");
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
