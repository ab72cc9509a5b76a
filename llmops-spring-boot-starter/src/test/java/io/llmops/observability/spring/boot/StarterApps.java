package io.llmops.observability.spring.boot;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.export.TraceSink;
import io.llmops.observability.testing.TestConfigs;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Spring Boot application with the starter, the SDK configured (through the
 * application's own {@link LlmopsConfig} bean, which the starter uses) to export to {@code sink}
 * and to read nothing from the machine.
 */
final class StarterApps {

  private StarterApps() {}

  static ConfigurableApplicationContext start(TraceSink sink, WebApplicationType web,
      Class<?> application, String... args) {
    return start(sink, web, new Class<?>[] {application}, args);
  }

  /** The application with one more configuration of the test's. */
  static ConfigurableApplicationContext start(TraceSink sink, WebApplicationType web,
      Class<?> application, Class<?> configuration, String... args) {
    return start(sink, web, new Class<?>[] {application, configuration}, args);
  }

  private static ConfigurableApplicationContext start(TraceSink sink, WebApplicationType web,
      Class<?>[] sources, String... args) {
    LlmopsConfig config = TestConfigs.isolated().addSink(sink).build();
    return new SpringApplicationBuilder(sources).web(web).bannerMode(Banner.Mode.OFF)
        .initializers(context -> context.getBeanFactory().registerSingleton("llmopsConfig", config))
        .run(concat(args, "--server.port=0", "--server.address=127.0.0.1"));
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
