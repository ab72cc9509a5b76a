package io.llmops.observability.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.llmops.observability.agent.bootstrap.HttpBridge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Weaves the HTTP clients so that their calls inside a trace become client spans
 * (docs/OUTBOUND_HTTP.md): the JDK's {@code HttpClient} ({@link JdkHttpClientCalls}) and
 * {@code HttpURLConnection} ({@link UrlConnectionCalls}) directly, OkHttp and Apache HttpClient 5
 * by handing their builders to the llmops integrations ({@link ClientBuilders}): OkHttp's in the
 * client's constructor ({@code new OkHttpClient()} never calls {@code build()}), Apache's in
 * {@code build()}. Every class is
 * matched by its exact name: a library that is absent costs nothing. Whether a library's calls
 * are recorded is decided at each call ({@code OutboundHttpInstrumentation}), so the switches
 * apply at run time; {@code LLMOPS_AGENT_HTTP_CLIENTS=false} weaves none of this. Internal.
 */
final class HttpClientWeaving {

  /** The switch: {@code false} when the agent starts weaves no HTTP client. */
  static final AgentSwitch SWITCH =
      new AgentSwitch("LLMOPS_AGENT_HTTP_CLIENTS", "llmops.agent.http.clients");

  /** What {@code HttpClient.newHttpClient()} and its builder return (JDK 11 to 25). */
  private static final String JDK_CLIENT = "jdk.internal.net.http.HttpClientFacade";
  /** OkHttp's client: its constructor taking the builder is where every client is made. */
  private static final String OKHTTP_CLIENT = "okhttp3.OkHttpClient";
  /** The JDK's {@code http:} connection, and the delegate of its {@code https:} one. */
  private static final String URL_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

  private HttpClientWeaving() {}

  static boolean enabled(Properties properties, Map<String, String> environment) {
    return SWITCH.enabled(properties, environment);
  }

  /** Defines the bridge in java.base and plugs the recording in, then installs {@code weaving}. */
  static void install(Instrumentation instrumentation, AgentBuilder weaving) throws Exception {
    BootstrapInjector.register(instrumentation, HttpBridge.class, "setHooks",
        new Class<?>[] {BiFunction.class, BiFunction.class, BiConsumer.class, BiFunction.class,
            BiFunction.class, BiConsumer.class},
        new HttpHooks(HttpHooks.CLIENT_START), new HttpHooks(HttpHooks.CLIENT_REQUEST),
        new HttpHooks(HttpHooks.CLIENT_END), new HttpHooks(HttpHooks.CONNECTION_START),
        new HttpHooks(HttpHooks.CONNECTION_PROCEED), new HttpHooks(HttpHooks.CONNECTION_EXIT));
    weaving.installOn(instrumentation);
  }

  /** The weaving, to install; the JDK advice is read here, once. */
  static AgentBuilder weaving() {
    ClassFileLocator locator;
    try {
      locator = BootstrapInjector.adviceLocator(JdkHttpAdvice.class.getDeclaredClasses());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Advice send = jdkAdvice(JdkHttpAdvice.Send.class, locator);
    Advice connection = jdkAdvice(JdkHttpAdvice.Connection.class, locator);
    Advice builder = Advice.to(ClientBuilderAdvice.class);
    Advice constructor = Advice.to(ClientConstructorAdvice.class);
    String[] builders = ClientBuilders.INTEGRATIONS.keySet().stream()
        .filter(name -> !name.startsWith("okhttp3.")).toArray(String[]::new);
    return Weavings.retransforming()
        .with(LoadedClasses.where(type -> type.getName().equals(JDK_CLIENT)
            || type.getName().equals(URL_CONNECTION) || type.getName().equals(OKHTTP_CLIENT)
            || ClientBuilders.INTEGRATIONS.containsKey(type.getName())))
        .with(new WeavingListener("agent-http-", "its outbound HTTP calls are not recorded",
            StartupStats::httpWoven))
        .with(WeavingListener.debug())
        .ignore(none())
        .type(named(JDK_CLIENT))
        .transform((type, description, loader, module, domain) -> type
            .visit(send.on(named("send").and(takesArguments(2)).or(named("sendAsync")))))
        .type(named(URL_CONNECTION))
        .transform((type, description, loader, module, domain) -> type
            .visit(connection.on(namedOneOf("connect", "getOutputStream", "getInputStream",
                "disconnect").and(takesArguments(0)))))
        .type(named(OKHTTP_CLIENT))
        .transform((type, description, loader, module, domain) -> type
            .visit(constructor.on(isConstructor().and(takesArguments(1))
                .and(takesArgument(0, named(OKHTTP_CLIENT + "$Builder"))))))
        .type(namedOneOf(builders))
        .transform((type, description, loader, module, domain) -> type
            .visit(builder.on(named("build").and(takesArguments(0)))));
  }

  private static Advice jdkAdvice(Class<?> type, ClassFileLocator locator) {
    return Advice.to(TypeDescription.ForLoadedType.of(type), locator);
  }
}
