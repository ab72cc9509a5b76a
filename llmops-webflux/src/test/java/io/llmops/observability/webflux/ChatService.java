package io.llmops.observability.webflux;

import io.llmops.observability.Llmops;
import io.llmops.observability.Scope;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Spring Boot WebFlux service on Reactor Netty, on 127.0.0.1 and a free port, whose handlers
 * start spans on other schedulers, stream, fail and read bodies. Its filter comes from the
 * module's auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ChatService.Handlers.class)
class ChatService implements AutoCloseable {

  /** What the failing handler throws. */
  static final IllegalStateException NO_MODEL = new IllegalStateException("no model");
  /** The last error the server's error handler received. */
  static final AtomicReference<Throwable> errorSeen = new AtomicReference<>();

  private final ConfigurableApplicationContext context;

  private ChatService(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static ChatService start() {
    return new ChatService(new SpringApplicationBuilder(ChatService.class)
        .web(WebApplicationType.REACTIVE).logStartupInfo(false)
        .properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off")
        .run());
  }

  int port() {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }

  /** Answers 500 with the error's message, after noting which error reached it. */
  @Bean
  @Order(-2)
  WebExceptionHandler recordingErrorHandler() {
    return (exchange, error) -> {
      errorSeen.set(error);
      if (error != NO_MODEL) {
        return Mono.error(error);
      }
      exchange.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
      return exchange.getResponse().setComplete();
    };
  }

  @RestController
  static class Handlers {

    private final WebClient webClient;
    private final Environment environment;

    Handlers(WebClient.Builder webClients, Environment environment) {
      this.webClient = webClients.build();
      this.environment = environment;
    }

    /** Spans on four schedulers: boundedElastic, the caller's, parallel and single. */
    @GetMapping("/chat/{id}")
    Mono<String> chat(@PathVariable String id) {
      return Mono.fromCallable(() -> span("retrieve", id))
          .subscribeOn(Schedulers.boundedElastic())
          .map(docs -> span("rank", id))
          .flatMap(ranked -> Mono.fromCallable(() -> span("answer", id))
              .subscribeOn(Schedulers.parallel()))
          .publishOn(Schedulers.single())
          .map(answer -> span("format", id));
    }

    /** The body arrives on the server's event loop, after the handler subscribed to it. */
    @PostMapping("/echo")
    Mono<String> echo(@RequestBody Mono<String> body) {
      return body.map(text -> span("read body", text));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<String> stream() {
      return Flux.range(0, 3).delayElements(Duration.ofMillis(20))
          .map(i -> span("element " + i, "stream"));
    }

    /** More elements than the server asks for at first: it asks for the rest from its event loop. */
    @GetMapping(path = "/numbers", produces = MediaType.TEXT_PLAIN_VALUE)
    Flux<String> numbers() {
      return Flux.range(0, NUMBERS).map(i -> span("number " + i, "numbers") + "\n");
    }

    @GetMapping(path = "/endless", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<String> endless() {
      return Flux.range(0, Integer.MAX_VALUE).delayElements(Duration.ofMillis(20))
          .map(i -> span("tick " + i, "endless"));
    }

    static final int NUMBERS = 300;

    /** Released when a request to /slow is waiting for its answer. */
    final Semaphore slowRequestWaiting = new Semaphore(0);

    /** Answers after a minute: long after the test's client hung up. */
    @GetMapping("/slow")
    Mono<String> slow() {
      return Mono.delay(Duration.ofMinutes(1)).map(tick -> "late")
          .doOnSubscribe(subscription -> slowRequestWaiting.release());
    }

    @GetMapping("/fail")
    Mono<String> fail() {
      return Mono.fromCallable(() -> span("lookup", "fail"))
          .subscribeOn(Schedulers.boundedElastic())
          .then(Mono.error(NO_MODEL));
    }

    /** Calls this service with WebClient: the answer comes on the client's event loop. */
    @GetMapping("/enriched")
    Mono<String> enriched() {
      String self = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
      return webClient.get().uri(self + "/static/profile").retrieve().bodyToMono(String.class)
          .flatMap(profile -> Mono.deferContextual(context -> {
            try (Scope ignored = LlmopsWebFilter.makeCurrent(context)) {
              return Mono.just(span("rank", profile));
            }
          }));
    }

    /** A skipped path: never traced. */
    @GetMapping("/static/profile")
    Mono<String> profile() {
      return Mono.just("profile");
    }

    @GetMapping("/health")
    Mono<String> health() {
      return Mono.fromCallable(() -> span("probe", "health"));
    }

    private static String span(String name, String request) {
      return Llmops.span(name).metadata("request", request).call(() -> name + " " + request);
    }
  }
}
