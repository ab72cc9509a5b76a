package io.llmops.observability.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.spring.boot.LlmopsRequestIdentityResolver.Identity;
import io.llmops.observability.testing.CapturedLog;
import io.llmops.observability.testing.CollectingSink;
import io.llmops.observability.testing.DecodedTraces;
import io.llmops.observability.testing.Exported;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.security.Principal;
import java.time.Duration;
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
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request's trace takes its user from the authenticated principal and its session from a
 * header or an existing HTTP session, in servlet and WebFlux applications. The applications
 * authenticate with a filter of Spring Security's order that trusts an X-Test-User header. An
 * application's {@link LlmopsRequestIdentityResolver} bean chooses instead.
 */
@Timeout(60)
class RequestIdentityTest {

  private static final String USER = "X-Test-User";
  private static final int SECURITY_ORDER = -100;

  @RestController
  static class ServletController {
    @GetMapping("/hello")
    String hello() {
      return "hi";
    }

    @GetMapping("/login")
    String login(HttpServletRequest request) {
      request.getSession(true);
      return "in";
    }
  }

  /** Authenticates as Spring Security would, with a request wrapper answering the principal. */
  static class ServletAuthentication implements Filter, Ordered {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      String user = http.getHeader(USER);
      chain.doFilter(user == null ? http : new HttpServletRequestWrapper(http) {
        @Override
        public Principal getUserPrincipal() {
          return () -> user;
        }
      }, response);
    }

    @Override
    public int getOrder() {
      return SECURITY_ORDER;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(ServletController.class)
  static class ServletApp {
    @Bean
    ServletAuthentication authentication() {
      return new ServletAuthentication();
    }
  }

  @RestController
  static class ReactiveController {
    @GetMapping("/hello")
    Mono<String> hello() {
      return Mono.just("hi");
    }
  }

  static class ReactiveAuthentication implements WebFilter, Ordered {
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      String user = exchange.getRequest().getHeaders().getFirst(USER);
      Principal principal = () -> user;
      return chain.filter(user == null ? exchange
          : exchange.mutate().principal(Mono.just(principal)).build());
    }

    @Override
    public int getOrder() {
      return SECURITY_ORDER;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import(ReactiveController.class)
  static class ReactiveApp {
    @Bean
    ReactiveAuthentication authentication() {
      return new ReactiveAuthentication();
    }
  }

  /** Keeps the default user, takes the session from the tenant and conversation headers. */
  @Configuration(proxyBeanMethods = false)
  static class ConversationIdentity {
    @Bean
    LlmopsRequestIdentityResolver conversationIdentity() {
      return request -> new Identity(request.defaults().user(),
          request.header("X-Tenant") + "/" + request.header("X-Conversation"));
    }
  }

  /** Names the user after the framework's request and the principal, dropping the session. */
  @Configuration(proxyBeanMethods = false)
  static class PrincipalAndRequestTypeIdentity {
    @Bean
    LlmopsRequestIdentityResolver principalAndRequestType() {
      return request -> new Identity(request.principal().getName() + "@"
          + (request.nativeRequest() instanceof ServerWebExchange ? "webflux" : "servlet"), null);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class FailingIdentity {
    @Bean
    LlmopsRequestIdentityResolver failing() {
      return request -> {
        throw new IllegalStateException("no tenant");
      };
    }
  }

  private final CollectingSink sink = new CollectingSink();
  private final HttpClient client = HttpClient.newHttpClient();
  private ConfigurableApplicationContext context;

  @AfterEach
  void stop() {
    if (context != null) {
      context.close();
    }
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    String port = context.getEnvironment().getProperty("local.server.port");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private List<JsonNode> traces(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> Exported.flushed(sink).size() >= count);
    return DecodedTraces.of(sink.messages());
  }

  @Test
  void aServletRequestsTraceTakesItsUserFromTheAuthenticatedPrincipal() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, ServletApp.class);

    HttpResponse<String> response = get("/hello", USER, "ada");

    assertThat(response.body()).isEqualTo("hi");
    JsonNode trace = traces(1).get(0);
    assertThat(trace.path("user_id").asText()).isEqualTo("ada");
    assertThat(trace.path("session_id").isNull()).as("no session: none is created").isTrue();
    assertThat(response.headers().firstValue("set-cookie")).isEmpty();
  }

  @Test
  void anExistingHttpSessionGivesADigestOfItsIdAsTheSession() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, ServletApp.class);

    String cookie = get("/login").headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    get("/hello", "Cookie", cookie);

    List<JsonNode> traces = traces(2);
    String sessionId = cookie.substring(cookie.indexOf('=') + 1);
    List<String> sessions = traces.stream().map(trace -> trace.path("session_id").asText()).toList();
    assertThat(sessions).as("the login and the next request, one session").hasSize(2)
        .containsOnly(sessions.get(0));
    assertThat(sessions.get(0)).startsWith("http-session-").doesNotContain(sessionId);
  }

  @Test
  void aConfiguredHeaderGivesTheSession() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, ServletApp.class,
        "--llmops.identity.session-header=X-Session-Id");

    get("/hello", "X-Session-Id", "conversation-42");

    assertThat(traces(1).get(0).path("session_id").asText()).isEqualTo("conversation-42");
  }

  @Test
  void thePropertyLeavesUserAndSessionToTheApplication() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, ServletApp.class,
        "--llmops.identity.enabled=false");

    get("/hello", USER, "ada");

    assertThat(traces(1).get(0).path("user_id").isNull()).isTrue();
  }

  @Test
  void aWebFluxRequestsTraceTakesItsUserAndSessionFromTheExchange() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.REACTIVE, ReactiveApp.class,
        "--llmops.identity.session-header=X-Session-Id");

    HttpResponse<String> response = get("/hello", USER, "grace", "X-Session-Id", "chat-7");

    assertThat(response.body()).isEqualTo("hi");
    JsonNode trace = traces(1).get(0);
    assertThat(trace.path("user_id").asText()).isEqualTo("grace");
    assertThat(trace.path("session_id").asText()).isEqualTo("chat-7");
  }

  @Test
  void anApplicationsResolverChoosesTheServletRequestsSessionAndKeepsTheDefaultUser()
      throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, ServletApp.class,
        ConversationIdentity.class);

    get("/hello", USER, "ada", "X-Tenant", "acme", "X-Conversation", "c-9");

    JsonNode trace = traces(1).get(0);
    assertThat(trace.path("user_id").asText()).isEqualTo("ada");
    assertThat(trace.path("session_id").asText()).isEqualTo("acme/c-9");
  }

  @Test
  void anApplicationsResolverSeesThePrincipalEvenWhenTheDefaultRuleIgnoresIt() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, ServletApp.class,
        PrincipalAndRequestTypeIdentity.class, "--llmops.identity.user-from-principal=false",
        "--llmops.identity.session-header=X-Session-Id");

    get("/hello", USER, "ada", "X-Session-Id", "chat-1");

    JsonNode trace = traces(1).get(0);
    assertThat(trace.path("user_id").asText()).isEqualTo("ada@servlet");
    assertThat(trace.path("session_id").isNull()).as("the resolver dropped it").isTrue();
  }

  @Test
  void anApplicationsResolverChoosesTheWebFluxRequestsUserAndSession() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.REACTIVE, ReactiveApp.class,
        PrincipalAndRequestTypeIdentity.class, "--llmops.identity.user-from-principal=false");

    get("/hello", USER, "grace");

    assertThat(traces(1).get(0).path("user_id").asText()).isEqualTo("grace@webflux");
  }

  @Test
  void aFailingResolverIsLoggedAndTheTraceKeepsTheDefaults() throws Exception {
    context = StarterApps.start(sink, WebApplicationType.SERVLET, ServletApp.class,
        FailingIdentity.class, "--llmops.identity.session-header=X-Session-Id");

    try (CapturedLog log = CapturedLog.open()) {
      HttpResponse<String> response = get("/hello", USER, "ada", "X-Session-Id", "chat-2");

      assertThat(response.body()).isEqualTo("hi");
      JsonNode trace = traces(1).get(0);
      assertThat(trace.path("user_id").asText()).isEqualTo("ada");
      assertThat(trace.path("session_id").asText()).isEqualTo("chat-2");
      assertThat(log.text()).contains("LlmopsRequestIdentityResolver failed");
    }
  }
}
