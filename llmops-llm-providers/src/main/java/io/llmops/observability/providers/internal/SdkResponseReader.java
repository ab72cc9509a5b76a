package io.llmops.observability.providers.internal;

import io.llmops.observability.LlmResponse;
import io.llmops.observability.spi.LlmResponseReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader this module registers: it delegates to a reader per SDK, each created only when
 * its SDK is on the class path, so that an absent SDK never causes a linkage error. Public only
 * for {@link java.util.ServiceLoader}: internal, may change.
 */
public final class SdkResponseReader implements LlmResponseReader {

  private final List<LlmResponseReader> delegates;

  public SdkResponseReader() {
    List<LlmResponseReader> found = new ArrayList<>(6);
    if (present("software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse")) {
      found.add(new BedrockSdkReader());
    }
    if (present("dev.langchain4j.model.chat.response.ChatResponse")) {
      found.add(new LangChain4jReader());
    }
    if (present("org.springframework.ai.chat.model.ChatResponse")) {
      found.add(new SpringAiReader());
    }
    if (present("com.openai.core.ObjectMappers")) {
      found.add(new OpenAiSdkReader());
    }
    if (present("com.anthropic.core.ObjectMappers")) {
      found.add(new AnthropicSdkReader());
    }
    if (present("com.google.genai.JsonSerializable")) {
      found.add(new GoogleGenAiReader());
    }
    delegates = List.copyOf(found);
  }

  /** The SDK readers that are active in this class loader, by SDK name. */
  public List<String> activeReaders() {
    List<String> names = new ArrayList<>(delegates.size());
    for (LlmResponseReader reader : delegates) {
      names.add(reader.getClass().getSimpleName());
    }
    return names;
  }

  @Override
  public LlmResponse read(Object response) {
    for (LlmResponseReader delegate : delegates) {
      LlmResponse read = delegate.read(response);
      if (read != null) {
        return read;
      }
    }
    return null;
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, SdkResponseReader.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
