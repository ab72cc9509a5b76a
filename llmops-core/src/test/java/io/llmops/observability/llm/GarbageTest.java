package io.llmops.observability.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.llmops.observability.LlmResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives, reading never throws; what it cannot read it says so with null. */
class GarbageTest {

  @Test
  void unknownValuesReadAsNullAndPlainTextAsText() {
    assertThat(LlmResponse.read(null)).isNull();
    assertThat(LlmResponse.read(42)).isNull();
    assertThat(LlmResponse.read(new Object())).isNull();
    assertThat(LlmResponse.read(Map.of("foo", "bar"))).isNull();
    assertThat(LlmResponse.read(List.of(1, 2, 3))).isNull();
    assertThat(LlmResponse.read("just words").text()).isEqualTo("just words");
    assertThat(LlmResponse.read("{not json").text()).isEqualTo("{not json");
    assertThat(LlmResponse.read("{\"answer\": 42}").text()).isEqualTo("{\"answer\": 42}");
    assertThat(LlmResponse.read("").text()).isEmpty();
  }

  @Test
  void wrongTypesAndNegativeCountsAreIgnored() {
    Map<String, Object> body = new HashMap<>();
    body.put("output", Map.of("message", Map.of("content", List.of(Map.of("text", 7), "x"))));
    body.put("usage", Map.of("inputTokens", -5, "outputTokens", "ten", "totalTokens", 1.5));
    body.put("stopReason", List.of());
    LlmResponse r = LlmResponse.read(body);
    assertThat(r == null || !r.hasUsage()).isTrue();

    Map<String, Object> nulls = new HashMap<>();
    nulls.put("choices", null);
    nulls.put("usage", null);
    assertThatCode(() -> LlmResponse.read(nulls)).doesNotThrowAnyException();
    assertThatCode(() -> LlmResponse.read(JsonNodeFactory.instance.nullNode())).doesNotThrowAnyException();
    assertThatCode(() -> LlmResponse.read(List.of(Map.of("chunk", Map.of("bytes", "%%%not-base64")))))
        .doesNotThrowAnyException();
  }

  @Test
  void deeplyNestedAndSelfReferencingInputDoesNotThrow() {
    List<Object> loop = new ArrayList<>();
    loop.add(loop);
    assertThatCode(() -> LlmResponse.read(loop)).doesNotThrowAnyException();
    Object deep = "x";
    for (int i = 0; i < 10_000; i++) {
      deep = Map.of("chunk", deep);
    }
    Object finalDeep = deep;
    assertThatCode(() -> LlmResponse.read(finalDeep)).doesNotThrowAnyException();
    assertThatCode(() -> LlmResponse.read("[".repeat(5_000))).doesNotThrowAnyException();
  }

  @Test
  void mutatedFixturesNeverThrow() {
    Random random = new Random(7);
    String[] names = {"bedrock-converse.json", "anthropic-stream.sse", "openai-chat.json",
        "gemini.json", "ollama-chat-stream.jsonl", "openai-responses-stream.jsonl", "titan-text.json"};
    for (String name : names) {
      String text = Fixtures.text(name);
      for (int i = 0; i < 300; i++) {
        StringBuilder mutated = new StringBuilder(text);
        for (int k = 0; k < 1 + random.nextInt(6); k++) {
          int at = random.nextInt(mutated.length());
          switch (random.nextInt(3)) {
            case 0 -> mutated.deleteCharAt(at);
            case 1 -> mutated.insert(at, "{}[]\":,-9e\\".charAt(random.nextInt(11)));
            default -> mutated.setLength(at);
          }
          if (mutated.length() == 0) {
            break;
          }
        }
        String input = mutated.toString();
        assertThatCode(() -> LlmResponse.read(input)).as(input).doesNotThrowAnyException();
      }
    }
  }
}
