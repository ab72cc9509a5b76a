package io.llmops.observability.spi;

/**
 * How the SDK's own model calls are told apart from the application's: the LLM-as-judge
 * ({@code llmops-evals}) names each of its AWS SDK requests {@value #API_NAME} (an {@code
 * ApiName} on the request's override configuration, which the SDK also appends to the
 * User-Agent), and {@code llmops-bedrock}'s interceptor leaves requests so named unrecorded.
 * Any module whose model calls must not be traced as the application's names them the same way.
 */
public final class JudgeCalls {

  public static final String API_NAME = "llmops-judge";

  private JudgeCalls() {}
}
