package io.llmops.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * A support assistant: {@code GET /support?city=Paris&question=...} runs an agent that asks a
 * weather tool and a chat model, both over HTTP. llmops-spring-boot-starter traces it all with
 * no code and no {@code -javaagent}: the request, the annotated beans (Spring AOP) and the
 * RestClient calls (docs/SPRING.md).
 */
@SpringBootApplication
public class SupportApplication {

  public static void main(String[] args) {
    SpringApplication.run(SupportApplication.class, args);
  }

  /** Built from Boot's builder, so it carries the starter's client interceptor. */
  @Bean
  RestClient restClient(RestClient.Builder builder) {
    return builder.build();
  }
}
