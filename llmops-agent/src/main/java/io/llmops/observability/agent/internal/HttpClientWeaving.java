package io.llmops.observability.agent.internal;

import io.llmops.observability.agent.bootstrap.HttpBridge;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Weaves the HTTP clients so that their calls inside a trace become client spans
 * (docs/OUTBOUND_HTTP.md): the JDK's {@code HttpClient} ({@link JdkHttpClientCalls}) and
 * {@code HttpURLConnection} ({@link UrlConnectionCalls}) directly, through the copy of
 * {@link HttpBridge} in {@code java.base}; OkHttp and Apache HttpClient 5 by handing their
 * builders to the llmops integrations ({@link ClientBuilders}): OkHttp's at the start of the
 * client's constructor taking the builder ({@code new OkHttpClient()} never calls
 * {@code build()}), Apache's at the start of {@code build()}. Every class is matched by its
 * exact name: a library that is absent costs nothing. Whether a library's calls are recorded is
 * decided at each call ({@code OutboundHttpInstrumentation}), so the switches apply at run time;
 * {@code LLMOPS_AGENT_HTTP_CLIENTS=false} weaves none of this. Internal.
 */
final class HttpClientWeaving implements ClassWeaving {

  /** The switch: {@code false} when the agent starts weaves no HTTP client. */
  static final AgentSwitch SWITCH =
      new AgentSwitch("LLMOPS_AGENT_HTTP_CLIENTS", "llmops.agent.http.clients");

  /** What {@code HttpClient.newHttpClient()} and its builder return (JDK 11 to 25). */
  private static final String JDK_CLIENT = "jdk/internal/net/http/HttpClientFacade";
  /** OkHttp's client: its constructor taking the builder is where every client is made. */
  private static final String OKHTTP_CLIENT = "okhttp3/OkHttpClient";
  /** The JDK's {@code http:} connection, and the delegate of its {@code https:} one. */
  private static final String URL_CONNECTION = "sun/net/www/protocol/http/HttpURLConnection";
  /** The classes above as {@link Class#getName()} spells them, for the look at loaded classes. */
  private static final Set<String> CLIENT_CLASSES = Set.of(JDK_CLIENT.replace('/', '.'),
      OKHTTP_CLIENT.replace('/', '.'), URL_CONNECTION.replace('/', '.'));
  /** Apache HttpClient 5's package, where the builders {@link ClientBuilders} names are. */
  private static final String APACHE_CLIENT = "org/apache/hc/client5/";
  private static final String APACHE_CLIENT_PACKAGE = APACHE_CLIENT.replace('/', '.');
  private static final Set<String> CONNECTION_METHODS =
      Set.of("connect", "getOutputStream", "getInputStream", "disconnect");
  private static final String BRIDGE = BootstrapInjector.renamedInternalName(HttpBridge.class);

  /**
   * {@code send} and {@code sendAsync}: the request argument may be replaced by a copy with the
   * trace headers; the call ends with the response, the future or the exception.
   */
  private static final InlineAdvice SEND = InlineAdvice.around(site -> {
    site.loadArgument(0);
    site.loadConstant(site.method.name);
    site.invokeStatic(BRIDGE, "clientStart", "(Ljava/lang/Object;Ljava/lang/String;)"
        + "Ljava/lang/Object;");
    site.add(new InsnNode(Opcodes.DUP));
    site.loadArgument(0);
    site.invokeStatic(BRIDGE, "clientRequest", "(Ljava/lang/Object;Ljava/lang/Object;)"
        + "Ljava/lang/Object;");
    site.storeArgument(0);
  }, site -> {
    site.loadEnterValue();
    site.loadResult();
    site.loadThrown();
    site.invokeStatic(BRIDGE, "clientEnd",
        "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Throwable;)V");
  });

  /**
   * {@code connect}, {@code getOutputStream}, {@code getInputStream} and {@code disconnect}; the
   * response code is -1 until a response head is read.
   */
  private static final InlineAdvice CONNECTION = InlineAdvice.around(site -> {
    site.loadThis();
    site.loadConstant(site.method.name);
    site.loadField("connected", "Z");
    site.loadField("inputStream", "Ljava/io/InputStream;");
    site.loadField("rememberedException", "Ljava/lang/Exception;");
    site.invokeStatic(BRIDGE, "connectionEnter", "(Ljava/lang/Object;Ljava/lang/String;Z"
        + "Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;");
  }, site -> {
    site.loadEnterValue();
    site.loadField("responseCode", "I");
    site.loadThrown();
    site.invokeStatic(BRIDGE, "connectionExit", "(Ljava/lang/Object;ILjava/lang/Throwable;)V");
  }).readingThisAtExit();

  private static final InlineAdvice OKHTTP_CONSTRUCTOR = InlineAdvice.atEntry(site -> {
    site.loadArgument(0);
    site.invokeStatic(AdviceRoutes.DISPATCH, "instrumentBuilder", "(Ljava/lang/Object;)V");
  });

  private static final InlineAdvice BUILD = InlineAdvice.atEntry(site -> {
    site.loadThis();
    site.invokeStatic(AdviceRoutes.DISPATCH, "instrumentBuilder", "(Ljava/lang/Object;)V");
  });

  static boolean enabled(Properties properties, Map<String, String> environment) {
    return SWITCH.enabled(properties, environment);
  }

  /** Defines the bridge in java.base and plugs the recording in. */
  static void injectBridge(Instrumentation instrumentation) throws Exception {
    BootstrapInjector.register(instrumentation, HttpBridge.class, "setHooks",
        new Class<?>[] {BiFunction.class, BiFunction.class, BiConsumer.class, BiFunction.class,
            BiFunction.class, BiConsumer.class},
        new HttpHooks(HttpHooks.CLIENT_START), new HttpHooks(HttpHooks.CLIENT_REQUEST),
        new HttpHooks(HttpHooks.CLIENT_END), new HttpHooks(HttpHooks.CONNECTION_START),
        new HttpHooks(HttpHooks.CONNECTION_PROCEED), new HttpHooks(HttpHooks.CONNECTION_EXIT));
  }

  @Override
  public boolean wants(String internalName, byte[] classFile) {
    return internalName.equals(JDK_CLIENT) || internalName.equals(URL_CONNECTION)
        || internalName.equals(OKHTTP_CLIENT)
        || internalName.startsWith(APACHE_CLIENT)
            && isApacheBuilder(internalName.replace('/', '.'));
  }

  @Override
  public boolean candidate(Class<?> loaded) {
    String name = loaded.getName();
    return CLIENT_CLASSES.contains(name)
        || name.startsWith(APACHE_CLIENT_PACKAGE) && isApacheBuilder(name);
  }

  /** Whether {@code className} is a builder {@link ClientBuilders} instruments. */
  private static boolean isApacheBuilder(String className) {
    return ClientBuilders.INTEGRATIONS.containsKey(className);
  }

  @Override
  public Advisor advisor(String owner, int access, @Nullable ClassLoader loader) {
    return HttpClientWeaving::adviceFor;
  }

  private static InlineAdvice adviceFor(String owner, MethodNode method) {
    boolean noArguments = method.desc.startsWith("()");
    switch (owner) {
      case JDK_CLIENT:
        return method.name.equals("send") && argumentCount(method) == 2
            || method.name.equals("sendAsync") ? SEND : null;
      case URL_CONNECTION:
        return CONNECTION_METHODS.contains(method.name) && noArguments ? CONNECTION : null;
      case OKHTTP_CLIENT:
        return method.name.equals("<init>")
            && method.desc.equals("(L" + OKHTTP_CLIENT + "$Builder;)V") ? OKHTTP_CONSTRUCTOR : null;
      default: // an Apache builder
        return method.name.equals("build") && noArguments ? BUILD : null;
    }
  }

  private static int argumentCount(MethodNode method) {
    return Type.getArgumentTypes(method.desc).length;
  }

  @Override
  public void woven() {
    StartupStats.httpWoven();
  }

  @Override
  public String logKey() {
    return "agent-http-";
  }

  @Override
  public String consequence() {
    return "its outbound HTTP calls are not recorded";
  }
}
