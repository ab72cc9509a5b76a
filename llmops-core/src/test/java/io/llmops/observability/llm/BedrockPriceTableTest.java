package io.llmops.observability.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.ModelPrice;
import io.llmops.observability.Pricing;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped Bedrock price table: its verified prices, read through the public API, and its provenance. */
class BedrockPriceTableTest {

  private static final String TABLE = "/io/llmops/observability/pricing/bedrock-prices.json";
  private static final Set<String> AWS_SOURCES = Set.of("aws", "aws-page-2025-07");

  /**
   * Prices per million tokens (input, output, cache read, cache write; blank: none) that the
   * table's sources agree on, a few per family, each as the table's 'verified' names it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "anthropic.claude-sonnet-5, 2.00, 10.00, 0.20, 2.50",
      "anthropic.claude-opus-4-8, 5.00, 25.00, 0.50, 6.25",
      "anthropic.claude-opus-4-6-v1, 5.00, 25.00, 0.50, 6.25",
      "anthropic.claude-sonnet-4-6, 3.00, 15.00, 0.30, 3.75",
      "anthropic.claude-opus-4-5-20251101-v1:0, 5.00, 25.00, 0.50, 6.25",
      "anthropic.claude-opus-4-1-20250805-v1:0, 15.00, 75.00, 1.50, 18.75",
      "anthropic.claude-sonnet-4-5-20250929-v1:0, 3.00, 15.00, 0.30, 3.75",
      "anthropic.claude-sonnet-4-20250514-v1:0, 3.00, 15.00, 0.30, 3.75",
      "anthropic.claude-haiku-4-5-20251001-v1:0, 1.00, 5.00, 0.10, 1.25",
      "anthropic.claude-3-7-sonnet-20250219-v1:0, 3.00, 15.00, 0.30, 3.75",
      "anthropic.claude-3-5-sonnet-20241022-v2:0, 3.00, 15.00, 0.30, 3.75",
      "anthropic.claude-3-5-sonnet-20240620-v1:0, 3.00, 15.00, , ",
      "anthropic.claude-3-5-haiku-20241022-v1:0, 0.80, 4.00, 0.08, 1.00",
      "anthropic.claude-3-opus-20240229-v1:0, 15.00, 75.00, , ",
      "anthropic.claude-3-sonnet-20240229-v1:0, 3.00, 15.00, , ",
      "anthropic.claude-3-haiku-20240307-v1:0, 0.25, 1.25, , ",
      "anthropic.claude-v2:1, 8.00, 24.00, , ",
      "anthropic.claude-v2, 8.00, 24.00, , ",
      "amazon.nova-premier-v1:0, 2.50, 12.50, 0.625, ",
      "amazon.nova-pro-v1:0, 0.80, 3.20, 0.20, ",
      "amazon.nova-lite-v1:0, 0.06, 0.24, 0.015, ",
      "amazon.nova-micro-v1:0, 0.035, 0.14, 0.00875, ",
      "amazon.titan-text-premier-v1:0, 0.50, 1.50, , ",
      "cohere.command-light-text-v14, 0.30, 0.60, , ",
      "cohere.command-r-plus-v1:0, 3.00, 15.00, , ",
      "cohere.command-r-v1:0, 0.50, 1.50, , ",
      "ai21.j2-ultra-v1, 18.80, 18.80, , ",
      "ai21.j2-mid-v1, 12.50, 12.50, , ",
      "ai21.jamba-1-5-large-v1:0, 2.00, 8.00, , ",
      "ai21.jamba-1-5-mini-v1:0, 0.20, 0.40, , ",
      "ai21.jamba-instruct-v1:0, 0.50, 0.70, , ",
      "meta.llama2-13b-chat-v1, 0.75, 1.00, , ",
      "meta.llama2-70b-chat-v1, 1.95, 2.56, , ",
      "meta.llama3-8b-instruct-v1:0, 0.30, 0.60, , ",
      "meta.llama3-70b-instruct-v1:0, 2.65, 3.50, , ",
      "meta.llama3-1-8b-instruct-v1:0, 0.22, 0.22, , ",
      "meta.llama3-1-70b-instruct-v1:0, 0.72, 0.72, , ",
      "meta.llama3-1-405b-instruct-v1:0, 2.40, 2.40, , ",
      "meta.llama3-2-11b-instruct-v1:0, 0.16, 0.16, , ",
      "meta.llama3-2-90b-instruct-v1:0, 0.72, 0.72, , ",
      "meta.llama3-3-70b-instruct-v1:0, 0.72, 0.72, , ",
      "meta.llama4-maverick-17b-instruct-v1:0, 0.24, 0.97, , ",
      "meta.llama4-scout-17b-instruct-v1:0, 0.17, 0.66, , ",
      "mistral.mistral-7b-instruct-v0:2, 0.15, 0.20, , ",
      "mistral.mixtral-8x7b-instruct-v0:1, 0.45, 0.70, , ",
      "mistral.mistral-small-2402-v1:0, 1.00, 3.00, , ",
      "mistral.mistral-large-3-675b-instruct, 0.50, 1.50, , ",
      "mistral.pixtral-large-2502-v1:0, 2.00, 6.00, , ",
      "deepseek.r1-v1:0, 1.35, 5.40, , ",
  })
  void verifiedPricesAreThePricesInForce(String modelId, double input, double output,
      Double cacheRead, Double cacheWrite) {
    ModelPrice price = Pricing.price(modelId).orElseThrow();
    assertThat(price).isEqualTo(new ModelPrice(input, output, cacheRead, cacheWrite));
    assertThat(Pricing.calculateCost(modelId, 1_000_000, 1_000_000)).isCloseTo(input + output, within(1e-9));
  }

  /** Families the issue asks for whose price no AWS source confirms: priced all the same (see their notes). */
  @ParameterizedTest
  @ValueSource(strings = {"amazon.titan-text-express-v1", "amazon.titan-text-lite-v1",
      "cohere.command-text-v14", "mistral.mistral-large-2402-v1:0", "mistral.mistral-large-2407-v1:0"})
  void unresolvedRowsStillHaveAPrice(String modelId) {
    assertThat(Pricing.price(modelId)).isPresent();
  }

  @Test
  void everyIdOfEveryRowFindsThatRowsPrice() throws IOException {
    for (JsonNode model : table().get("models")) {
      ModelPrice expected = new ModelPrice(model.get("input").asDouble(), model.get("output").asDouble(),
          optional(model, "cache_read"), optional(model, "cache_write"));
      for (JsonNode id : model.get("ids")) {
        assertThat(Pricing.price(id.asText())).as(id.asText()).contains(expected);
        assertThat(Pricing.price("us." + id.asText())).as("us." + id.asText()).contains(expected);
      }
    }
  }

  @Test
  void everyRowNamesItsSourcesAndExplainsWhatNoAwsSourceConfirms() throws IOException {
    JsonNode table = table();
    assertThat(table.get("effective_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    JsonNode sources = table.get("sources");
    for (JsonNode model : table.get("models")) {
      String name = model.get("name").asText();
      JsonNode verified = model.get("verified");
      assertThat(verified).as("'verified' of %s", name).isNotNull();
      boolean byAws = false;
      for (JsonNode source : verified) {
        assertThat(sources.has(source.asText())).as("source %s of %s", source, name).isTrue();
        byAws |= AWS_SOURCES.contains(source.asText());
      }
      if (!byAws) {
        assertThat(model.path("note").asText()).as("note of %s", name).isNotBlank();
      }
    }
  }

  private static JsonNode table() throws IOException {
    try (InputStream in = BedrockPriceTableTest.class.getResourceAsStream(TABLE)) {
      return Fixtures.JSON.readTree(in);
    }
  }

  private static Double optional(JsonNode model, String field) {
    return model.has(field) ? model.get(field).asDouble() : null;
  }
}
