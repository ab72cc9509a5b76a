package io.llmops.observability.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates message bodies against the published JSON Schemas in docs/schema (copied to
 * {@code schema/} on the test class path): the wrapper, then the decompressed trace.
 */
public final class SchemaValidator {

  private static final JsonSchema WRAPPER = load("sqs-message.schema.json");
  private static final JsonSchema TRACE = load("trace.schema.json");

  private SchemaValidator() {}

  /** Violations of the wrapper schema, as readable lines; empty when valid. */
  public static List<String> validateWrapper(JsonNode wrapper) {
    return describe("wrapper", WRAPPER, wrapper);
  }

  /** Violations of the trace schema, as readable lines; empty when valid. */
  public static List<String> validateTrace(JsonNode trace) {
    return describe("trace", TRACE, trace);
  }

  /** Validates a message body and, when its wrapper is valid, the trace it carries. */
  public static List<String> validateBody(String body) {
    List<String> problems = new ArrayList<>();
    JsonNode wrapper;
    try {
      wrapper = WireDecoder.wrapper(body);
    } catch (RuntimeException e) {
      return List.of("body is not JSON: " + e);
    }
    problems.addAll(validateWrapper(wrapper));
    if (!problems.isEmpty()) {
      return problems;
    }
    try {
      problems.addAll(validateTrace(WireDecoder.trace(body)));
    } catch (RuntimeException e) {
      problems.add("data cannot be decoded (base64, gzip, JSON): " + e);
    }
    return problems;
  }

  private static List<String> describe(String what, JsonSchema schema, JsonNode node) {
    List<String> out = new ArrayList<>();
    for (ValidationMessage message : schema.validate(node)) {
      out.add(what + ": " + message.getMessage());
    }
    return out;
  }

  private static JsonSchema load(String name) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    try (InputStream in = SchemaValidator.class.getResourceAsStream("/schema/" + name)) {
      if (in == null) {
        throw new IllegalStateException("schema/" + name + " is not on the test class path");
      }
      return factory.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
