package io.llmops.observability.spring.boot;

import static io.llmops.observability.testing.DecodedTraces.parentOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.TrackFunction;
import io.llmops.observability.servlet.LlmopsTracingFilter;
import io.llmops.observability.spring.web.LlmopsClientHttpRequestInterceptor;
import io.llmops.observability.spring.web.LlmopsExchangeFilterFunction;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/** A servlet application with the starter: inbound requests, annotated beans and HTTP clients. */
@Timeout(60)
class ServletAppTest {

  @RestController
  static class GreetingController {
    private final Greeter greeter;

    GreetingController(Greeter greeter) {
      this.greeter = greeter;
    }

    @GetMapping("/greet")
    String greet(@RequestParam String who) {
      return greeter.greet(who);
    }
  }

  static class Greeter {
    @TrackFunction(name = "greeter")
    public String greet(String who) {
      return "hello " + who;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(GreetingController.class)
  static class App {
    @Bean
    Greeter greeter() {
      return new Greeter();
    }

    @Bean
    RestTemplate restTemplate() {
      return new RestTemplate();
    }

    @Bean
    WebClient.Builder webClientBuilder() {
      return WebClient.builder();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Import(App.class)
  static class AppWithItsOwnFilter {
    @Bean
    LlmopsTracingFilter myTracingFilter() {
      return new LlmopsTracingFilter();
    }
  }

  private final CollectingSink sink = new CollectingSink();
  private ConfigurableApplicationContext context;

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
  }

  private String get(String path) throws Exception {
    String port = context.getEnvironment().getProperty("local.server.port");
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).build(), BodyHandlers.ofString()).body();
  }

  /** The request's trace: the server span ends just after the client has the response. */
  private JsonNode onlyTrace() {
    await().atMost(Duration.ofSeconds(10)).until(() -> !Exported.flushed(sink).isEmpty());
    return Exported.onlyTrace(sink);
  }

  @Test
  void aRequestRecordsTheServerSpanWithTheAnnotatedBeanUnderIt() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, App.class);

    assertThat(get("/greet?who=ada")).isEqualTo("hello ada");

    var spans = DecodedTraces.spansByName(onlyTrace());
    assertThat(spans).containsOnlyKeys("GET /greet", "greeter");
    assertThat(parentOf(spans.get("greeter")))
        .isEqualTo(spans.get("GET /greet").get("span_id").asText());
  }

  @Test
  void theApplicationsOwnFilterBeanReplacesTheStartersRegistration() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, AppWithItsOwnFilter.class);

    assertThat(get("/greet?who=bob")).isEqualTo("hello bob");

    // spansByName fails on a name recorded twice: one filter ran.
    assertThat(DecodedTraces.spansByName(onlyTrace())).containsOnlyKeys("GET /greet", "greeter");
    assertThat(context.getBeanNamesForType(
        io.llmops.observability.spring.boot.internal.TracingFilterInitializer.class)).isEmpty();
  }

  @Test
  void thePropertyTurnsTheInboundFilterOff() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, App.class,
        "--llmops.servlet.enabled=false");

    assertThat(get("/greet?who=cy")).isEqualTo("hello cy");

    assertThat(DecodedTraces.spansByName(onlyTrace())).containsOnlyKeys("greeter");
  }

  @Test
  void theHttpClientBeansCarryTheInterceptorOrTheFilterOnce() {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, App.class);

    List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>();
    context.getBean(RestClient.Builder.class).requestInterceptors(interceptors::addAll);
    List<ExchangeFilterFunction> filters = new ArrayList<>();
    context.getBean(WebClient.Builder.class).filters(filters::addAll);

    assertThat(interceptors).filteredOn(LlmopsClientHttpRequestInterceptor.class::isInstance)
        .hasSize(1);
    assertThat(context.getBean(RestTemplate.class).getInterceptors())
        .filteredOn(LlmopsClientHttpRequestInterceptor.class::isInstance).hasSize(1);
    assertThat(filters).filteredOn(LlmopsExchangeFilterFunction.class::isInstance).hasSize(1);
  }

  @Test
  void thePropertyTurnsTheHttpClientsOff() {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, App.class,
        "--llmops.http.client.enabled=false");

    assertThat(context.getBean(RestTemplate.class).getInterceptors())
        .noneMatch(LlmopsClientHttpRequestInterceptor.class::isInstance);
  }
}
