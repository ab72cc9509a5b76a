package io.llmops.examples.springboot;

import io.llmops.observability.agent.LlmopsAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The assistant with the agent installed too (a JVM of its own): the agent's weaving of the HTTP
 * clients sees the provider's calls as well, and the traces are the same, each record once.
 */
@Timeout(60)
class AssistantWithTheAgentTest {

  static {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }

  @Test
  void aChatClientCallIsRecordedOnceWithTheAgentAndTheStarterTogether() throws Exception {
    AssistantTraces.aChatClientCallIsOneGenerationWithUsageAndCostUnderTheRequest(
        SpringAiDifferences.PROVIDER_HTTP_CLIENT_WITH_THE_AGENT);
  }

  @Test
  void aStreamedCallIsRecordedOnceWithTheAgentAndTheStarterTogether() throws Exception {
    AssistantTraces.aStreamedCallIsOneGenerationWithTheTextUsageAndCost(
        SpringAiDifferences.STREAMED_PROVIDER_CALL_WITH_THE_AGENT);
  }

  @Test
  void aToolCallIsRecordedOnceWithTheAgentAndTheStarterTogether() throws Exception {
    AssistantTraces.aToolCallNestsTheToolAndItsHttpCallBetweenTwoGenerations();
  }
}
