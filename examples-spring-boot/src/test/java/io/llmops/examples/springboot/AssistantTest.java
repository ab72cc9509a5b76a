package io.llmops.examples.springboot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The assistant traced by the starter and llmops-spring-ai alone (no agent). */
@Timeout(60)
class AssistantTest {

  @Test
  void aChatClientCallIsOneGenerationWithUsageAndCostUnderTheRequest() throws Exception {
    AssistantTraces.aChatClientCallIsOneGenerationWithUsageAndCostUnderTheRequest(
        SpringAiDifferences.PROVIDER_HTTP_CLIENT);
  }

  @Test
  void aStreamedCallIsOneGenerationWithTheTextUsageAndCost() throws Exception {
    AssistantTraces.aStreamedCallIsOneGenerationWithTheTextUsageAndCost(
        SpringAiDifferences.STREAMED_PROVIDER_CALL);
  }

  @Test
  void aToolCallNestsTheToolAndItsHttpCallBetweenTwoGenerations() throws Exception {
    AssistantTraces.aToolCallNestsTheToolAndItsHttpCallBetweenTwoGenerations();
  }
}
