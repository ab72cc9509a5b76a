package io.llmops.examples.springboot;

import java.util.List;

/** What the assistant's trace has of Spring AI 1.1 (examples-spring-boot4 has Spring AI 2's). */
final class SpringAiDifferences {

  /** The advisors around the model call, innermost first: the last one, "call", makes it. */
  static final List<String> ADVISORS = List.of("call");

  /** What records the provider's call: the starter's interceptor on Spring's RestClient. */
  static final String PROVIDER_HTTP_CLIENT = "spring-web";

  /** With the agent: its weaving of the JDK HttpClient under the RestClient, the only record. */
  static final String PROVIDER_HTTP_CLIENT_WITH_THE_AGENT = "jdk-httpclient";

  private SpringAiDifferences() {}
}
