package io.llmops.observability.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.LlmResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SDK events become trees one at a time, as the core reads them, and only as far as it reads. */
class WireShapeReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An SDK model object: an Anthropic stream event, by the JSON of its wire shape. */
  record Event(String json) {}

  private final AtomicInteger converted = new AtomicInteger();

  private final WireShapeReader reader = new WireShapeReader(Event.class.getName().replace("Event", "")) {
    @Override
    JsonNode tree(Object model) {
      converted.incrementAndGet();
      try {
        return JSON.readTree(((Event) model).json());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  };

  @Test
  void aLongListOfSdkEventsIsTurnedIntoTreesOnlyAsFarAsItIsRead() {
    List<Object> events = new ArrayList<>();
    events.add(new Event("{\"type\":\"message_start\",\"message\":{\"model\":\"claude-haiku-4-5\","
        + "\"usage\":{\"input_tokens\":7,\"output_tokens\":1}}}"));
    Event delta = new Event("{\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}");
    for (int i = 0; i < 300_000; i++) {
      events.add(delta);
    }
    events.add(new Event("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
        + "\"usage\":{\"output_tokens\":300000}}"));

    LlmResponse read = reader.read(events);

    assertThat(read.outputTokens()).isEqualTo(300_000);
    assertThat(read.stopReason()).isEqualTo("end_turn");
    assertThat(converted.get()).isLessThan(101_000); // the 100,000 events the core reads, and a look or two at the first
  }
}
