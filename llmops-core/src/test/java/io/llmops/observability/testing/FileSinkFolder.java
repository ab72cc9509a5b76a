package io.llmops.observability.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The traces a file sink wrote to a folder (another JVM's, say), each message checked against
 * the published schema and decoded; none when the folder does not exist.
 */
public final class FileSinkFolder {

  private FileSinkFolder() {}

  public static List<JsonNode> traces(Path folder) throws IOException {
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
