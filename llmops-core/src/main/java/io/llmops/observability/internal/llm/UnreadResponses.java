package io.llmops.observability.internal.llm;

import io.llmops.observability.spi.LlmResponseReader;
import io.llmops.observability.spi.SdkLog;
import java.util.List;

/**
 * What to tell the user when a model response could not be read: typed responses of the
 * well-known SDKs are read by a module that may be missing from the class path, and the log says
 * which (once per response class). Internal.
 */
public final class UnreadResponses {

  /** The reason a span gives in {@code metadata["llm.response_incomplete"]}. */
  public static final String REASON = "unread";

  private static final String PROVIDERS_MODULE = "io.llmops:llmops-llm-providers";
  private static final String PROVIDERS_PACKAGE = "io.llmops.observability.providers.";
  /** Packages of the SDKs whose typed responses {@value #PROVIDERS_MODULE} reads. */
  private static final List<String> KNOWN_SDKS = List.of(
      "software.amazon.awssdk.services.bedrockruntime.", "com.openai.", "com.anthropic.",
      "com.google.genai.", "org.springframework.ai.", "dev.langchain4j.");

  private UnreadResponses() {}

  /** Logs, once per class of response, why {@code response} was not read and what reads it. */
  public static void warn(Object response, List<LlmResponseReader> registered) {
    String type = response.getClass().getName();
    boolean known = KNOWN_SDKS.stream().anyMatch(type::startsWith);
    boolean providersPresent = registered.stream()
        .anyMatch(reader -> reader.getClass().getName().startsWith(PROVIDERS_PACKAGE));
    String advice = known && !providersPresent
        ? "add " + PROVIDERS_MODULE + " to the class path to read it"
        : "pass its JSON text or a Map, or register an LlmResponseReader (docs/LLM.md)";
    SdkLog.warnOnce("llm-unread-" + type, "llmops: a model response of type " + type
        + " could not be read, so its span has no tokens, cost or text and says "
        + "llm.response_incomplete=" + REASON + "; " + advice);
  }
}
