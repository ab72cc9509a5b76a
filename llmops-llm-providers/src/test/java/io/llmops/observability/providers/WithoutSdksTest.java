package io.llmops.observability.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With none of the SDKs on the class path the module loads, registers, and reads nothing itself. */
class WithoutSdksTest {

  @Test
  void theModuleWorksWhenNoSdkIsPresent() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains("awssdk") || entry.contains("langchain4j") || entry.contains("springframework")
          || entry.contains("reactor") || entry.contains("micrometer") || entry.contains("com/openai")
          || entry.contains("com/anthropic") || entry.contains("com/google/genai")
          || entry.contains("kotlin")) {
        continue;
      }
      urls.add(new File(entry).toURI().toURL());
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
        ClassLoader.getPlatformClassLoader())) {
      assertThat(loader.loadClass("io.llmops.observability.providers.internal.SdkResponseReader")).isNotNull();
      Class<?> reader = loader.loadClass("io.llmops.observability.providers.internal.SdkResponseReader");
      Object instance = reader.getConstructor().newInstance();
      assertThat((List<?>) reader.getMethod("activeReaders").invoke(instance)).isEmpty();

      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        Method read = loader.loadClass("io.llmops.observability.LlmResponse").getMethod("read", Object.class);
        Object response = read.invoke(null, Map.of("generation", "hi", "prompt_token_count", 1,
            "generation_token_count", 1));
        assertThat(response.toString()).contains("text=hi").contains("totalTokens=2");
        assertThat(read.invoke(null, new Object())).isNull();
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }
}
