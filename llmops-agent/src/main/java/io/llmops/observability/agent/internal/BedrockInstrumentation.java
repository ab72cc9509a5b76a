package io.llmops.observability.agent.internal;

import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Type;

/**
 * Weaves the AWS SDK's Bedrock Runtime client builders so that every {@code BedrockRuntimeClient}
 * and {@code BedrockRuntimeAsyncClient} gets {@code llmops-bedrock}'s interceptor once (see
 * {@link BedrockClients}): at the end of {@code invokePlugins}, the last step in which a builder
 * resolves its configuration, the configuration it returns is the one
 * {@link BedrockClients#withInterceptor} gives back. The builder is matched by name: nothing
 * happens, and nothing is loaded, in an application without the SDK. Internal.
 */
final class BedrockInstrumentation implements ClassWeaving {

  /** The switch, as an environment variable or system property: {@code false} turns it off. */
  static final String SWITCH = "LLMOPS_AGENT_BEDROCK";
  /** The switch as a dotted system property. */
  static final String SWITCH_PROPERTY = "llmops.agent.bedrock";

  /** The generated base class of both client builders; it declares {@code invokePlugins}. */
  private static final String BUILDER =
      "software/amazon/awssdk/services/bedrockruntime/DefaultBedrockRuntimeBaseClientBuilder";
  private static final String BUILDER_CLASS = BUILDER.replace('/', '.');
  private static final AgentSwitch ON = new AgentSwitch(SWITCH, SWITCH_PROPERTY);

  private static final InlineAdvice WITH_INTERCEPTOR = InlineAdvice.atReturn(site -> {
    site.loadConstant(Type.getObjectType(site.owner));
    site.loadResult();
    site.invokeStatic(AdviceRoutes.DISPATCH, "withBedrockInterceptor",
        "(Ljava/lang/Class;Ljava/lang/Object;)Ljava/lang/Object;");
  }, false, true);

  /**
   * Whether the switch is on (the default): {@code false}, {@code 0}, {@code no} or {@code off},
   * in any case, as {@code -DLLMOPS_AGENT_BEDROCK}, {@code -Dllmops.agent.bedrock} or the
   * environment variable {@code LLMOPS_AGENT_BEDROCK}, the first one set, turns it off (the
   * order of the core's configuration).
   */
  static boolean enabled(Properties properties, Map<String, String> environment) {
    return ON.enabled(properties, environment);
  }

  @Override
  public boolean wants(String internalName, byte[] classFile) {
    return internalName.equals(BUILDER);
  }

  @Override
  public boolean candidate(Class<?> loaded) {
    return loaded.getName().startsWith(BUILDER_CLASS);
  }

  @Override
  public Advisor advisor(String owner, int access, @Nullable ClassLoader loader) {
    return (type, method) -> method.name.equals("invokePlugins")
        && Type.getArgumentTypes(method.desc).length == 1 ? WITH_INTERCEPTOR : null;
  }

  @Override
  public void woven() {
    StartupStats.bedrockWoven();
  }

  @Override
  public String logKey() {
    return "agent-bedrock-";
  }

  @Override
  public String consequence() {
    return "Bedrock Runtime calls are not recorded";
  }
}
