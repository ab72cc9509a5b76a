package io.llmops.examples.springboot;

import java.util.List;

/** What the assistant's traces have of Spring AI 1.1 (examples-spring-boot4 has Spring AI 2's). */
final class SpringAiDifferences {

  /** The advisors around the model call, innermost first: the last one, "call", makes it. */
  static final List<String> ADVISORS = List.of("call");

  /** What records the provider's call: the starter's interceptor on Spring's RestClient. */
  static final String PROVIDER_HTTP_CLIENT = "spring-web";

  /** With the agent: its weaving of the JDK HttpClient under the RestClient, the only record. */
  static final String PROVIDER_HTTP_CLIENT_WITH_THE_AGENT = "jdk-httpclient";

  /** A streamed call's spans under {@code chat_client}: the stream advisor makes the call. */
  static final List<String> STREAM_SPANS = List.of(
      "span stream <- chat_client",
      "generation chat <- stream");

  /**
   * The stream's request, made by the WebClient on Reactor's threads where the generation is not
   * current: a client span of the starter's filter under the request (no tokens, no cost).
   */
  static final List<String> STREAMED_PROVIDER_CALL = List.of("span POST MODEL <- GET /ask/stream");

  static final List<String> STREAMED_PROVIDER_CALL_WITH_THE_AGENT = STREAMED_PROVIDER_CALL;

  /**
   * A tool call's spans under {@code chat_client}: the chat model runs the loop inside the
   * advisor's call, between its two model calls.
   */
  static final List<String> TOOL_LOOP_SPANS = List.of(
      "span call <- chat_client",
      "generation chat <- call",
      "tool weather <- call",
      "generation chat <- call");

  private SpringAiDifferences() {}
}
