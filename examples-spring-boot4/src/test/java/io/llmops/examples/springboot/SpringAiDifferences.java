package io.llmops.examples.springboot;

import java.util.List;

/** What the assistant's traces have of Spring AI 2 (examples-spring-boot has Spring AI 1.1's). */
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

  /** A streamed call's spans under {@code chat_client}. */
  static final List<String> STREAM_SPANS = List.of(
      "span Tool Calling Advisor <- chat_client",
      "span stream <- Tool Calling Advisor",
      "generation chat <- stream");

  /**
   * The stream's request is enqueued on OkHttp's dispatcher, where the interceptor alone cannot
   * tell whose call it is: not recorded (docs/FRAMEWORKS.md); the generation has it all the same.
   */
  static final List<String> STREAMED_PROVIDER_CALL = List.of();

  /** With the agent, which notes where an enqueued call was made: a client span. */
  static final List<String> STREAMED_PROVIDER_CALL_WITH_THE_AGENT =
      List.of("span POST MODEL <- GET /ask/stream");

  /**
   * A tool call's spans under {@code chat_client}: the tool loop is an advisor, the advisor after
   * it runs once per model call.
   */
  static final List<String> TOOL_LOOP_SPANS = List.of(
      "span Tool Calling Advisor <- chat_client",
      "span call <- Tool Calling Advisor",
      "generation chat <- call",
      "tool weather <- Tool Calling Advisor",
      "span call <- Tool Calling Advisor",
      "generation chat <- call");

  private SpringAiDifferences() {}
}
