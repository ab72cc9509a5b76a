package io.llmops.examples.springboot;

import java.util.List;

/** What the assistant's trace has of Spring AI 2 (examples-spring-boot has Spring AI 1.1's). */
final class SpringAiDifferences {

  /**
   * The advisors around the model call, innermost first: the last one, "call", makes it, inside
   * the tool loop, which Spring AI 2 runs as an advisor (docs/FRAMEWORKS.md).
   */
  static final List<String> ADVISORS = List.of("call", "Tool Calling Advisor");

  /**
   * What records the provider's call: llmops-okhttp's interceptor, which llmops-spring-ai's
   * customizer adds to the OpenAI SDK's OkHttp client.
   */
  static final String PROVIDER_HTTP_CLIENT = "okhttp";

  /** With the agent: the same interceptor (the agent's OkHttp weaving finds it and adds none). */
  static final String PROVIDER_HTTP_CLIENT_WITH_THE_AGENT = "okhttp";

  private SpringAiDifferences() {}
}
