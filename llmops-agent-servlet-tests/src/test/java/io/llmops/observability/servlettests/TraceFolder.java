package io.llmops.observability.servlettests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.SchemaValidator;
import io.llmops.observability.testing.WireDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The traces a file sink wrote to a folder, each message checked against the published schema. */
final class TraceFolder {

  private TraceFolder() {}

  static List<JsonNode> traces(Path folder) throws IOException {
    List<JsonNode> traces = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return traces;
    }
    try (var files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String body : Files.readAllLines(file)) {
          assertThat(SchemaValidator.validateBody(body)).as("message in %s", file).isEmpty();
          traces.add(WireDecoder.trace(body));
        }
      }
    }
    return traces;
  }
}
