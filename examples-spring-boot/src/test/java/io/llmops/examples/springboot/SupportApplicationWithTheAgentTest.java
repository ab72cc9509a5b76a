package io.llmops.examples.springboot;

import io.llmops.observability.agent.LlmopsAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same application with the agent installed too (a JVM of its own): the agent records the
 * annotated beans, Spring AOP stands back, and the trace is the same, each span once.
 */
@Timeout(60)
class SupportApplicationWithTheAgentTest {

  static {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }

  @Test
  void aRequestIsTracedOnceWithTheAgentAndTheStarterTogether() throws Exception {
    SupportTraces.oneRequestRecordsEachSpanOnceNestedAsTheCallsWere();
  }
}
