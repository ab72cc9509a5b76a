package io.llmops.examples.rag;

import io.llmops.observability.agent.LlmopsAgent;

/** The demo's spans come from annotations: tests weave them, as {@code RagDemo.main} does. */
final class WovenDemo {

  private WovenDemo() {}

  static void ensureAgentInstalled() {
    if (!LlmopsAgent.install()) {
      throw new IllegalStateException("the agent could not attach to the test JVM");
    }
  }
}
