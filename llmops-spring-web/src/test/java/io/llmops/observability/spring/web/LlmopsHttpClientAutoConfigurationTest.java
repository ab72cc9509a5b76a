package io.llmops.observability.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TraceManager;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import io.llmops.observability.testing.TracingHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/** A Spring Boot application's RestClient, RestTemplate and WebClient record with no code. */
@Timeout(60)
class LlmopsHttpClientAutoConfigurationTest {

  @RegisterExtension final TracingHarness tracing = new TracingHarness();
  private final CollectingSink sink = tracing.sink();

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF).run(args);
  }

  @Test
  void theClientsBootHandsOutRecordTheirCalls() throws Exception {
    try (LocalServer server = new LocalServer();
        ConfigurableApplicationContext context = start()) {
      TraceManager.startTrace("boot");
      context.getBean(RestClient.Builder.class).build().get().uri(server.url("/ok?via=restclient"))
          .retrieve().toBodilessEntity();
      context.getBean(RestTemplateBuilder.class).build()
          .getForObject(server.url("/ok?via=resttemplate"), String.class);
      context.getBean(WebClient.Builder.class).build().get().uri(server.url("/ok?via=webclient"))
          .retrieve().toBodilessEntity().block();
      TraceManager.finalizeAndSend();

      List<String> recorded = new ArrayList<>();
      for (JsonNode span : Exported.onlyTrace(sink).get("spans")) {
        recorded.add(span.at("/metadata/http.client.library").asText() + " "
            + span.at("/metadata/url").asText().replaceAll(".*via=", ""));
      }
      assertThat(recorded).containsExactly("spring-web restclient", "spring-web resttemplate",
          "spring-webclient webclient");
    }
  }

  @Test
  void theCustomizersAddTheInterceptorAndTheFilterOnce() {
    try (ConfigurableApplicationContext context = start()) {
      RestClient.Builder restClient = context.getBean(RestClient.Builder.class);
      context.getBeansOfType(RestClientCustomizer.class).values()
          .forEach(customizer -> customizer.customize(restClient));
      List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>();
      restClient.requestInterceptors(interceptors::addAll);

      RestTemplate restTemplate = context.getBean(RestTemplateBuilder.class).build();
      context.getBeansOfType(RestTemplateCustomizer.class).values()
          .forEach(customizer -> customizer.customize(restTemplate));

      WebClient.Builder webClient = context.getBean(WebClient.Builder.class);
      context.getBeansOfType(WebClientCustomizer.class).values()
          .forEach(customizer -> customizer.customize(webClient));
      List<ExchangeFilterFunction> filters = new ArrayList<>();
      webClient.filters(filters::addAll);

      assertThat(interceptors).filteredOn(LlmopsClientHttpRequestInterceptor.class::isInstance)
          .hasSize(1);
      assertThat(restTemplate.getInterceptors())
          .filteredOn(LlmopsClientHttpRequestInterceptor.class::isInstance).hasSize(1);
      assertThat(filters).filteredOn(LlmopsExchangeFilterFunction.class::isInstance).hasSize(1);
    }
  }

  @Test
  void thePropertyTurnsItOff() throws Exception {
    try (LocalServer server = new LocalServer();
        ConfigurableApplicationContext context = start("--llmops.http.client.enabled=false")) {
      TraceManager.startTrace("off");
      context.getBean(RestClient.Builder.class).build().get().uri(server.url("/ok"))
          .retrieve().toBodilessEntity();
      context.getBean(WebClient.Builder.class).build().get().uri(server.url("/ok"))
          .retrieve().toBodilessEntity().block();
      TraceManager.finalizeAndSend();

      assertThat(DecodedTraces.of(Exported.flushed(sink))).allSatisfy(trace ->
          assertThat(trace.get("spans")).isEmpty());
      assertThat(context.getBeanNamesForType(LlmopsHttpClientAutoConfiguration.class)).isEmpty();
    }
  }
}
