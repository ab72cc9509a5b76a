package io.llmops.observability.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Map;
import java.util.Properties;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Weaves the AWS SDK's Bedrock Runtime client builders so that every {@code BedrockRuntimeClient}
 * and {@code BedrockRuntimeAsyncClient} gets {@code llmops-bedrock}'s interceptor once (see
 * {@link BedrockClients}). The builder is matched by name: nothing happens, and nothing is
 * loaded, in an application without the SDK. Internal.
 */
final class BedrockInstrumentation {

  /** The switch, as an environment variable or system property: {@code false} turns it off. */
  static final String SWITCH = "LLMOPS_AGENT_BEDROCK";
  /** The switch as a dotted system property. */
  static final String SWITCH_PROPERTY = "llmops.agent.bedrock";

  /** The generated base class of both client builders; it declares {@code invokePlugins}. */
  private static final String BUILDER =
      "software.amazon.awssdk.services.bedrockruntime.DefaultBedrockRuntimeBaseClientBuilder";
  private static final AgentSwitch ON = new AgentSwitch(SWITCH, SWITCH_PROPERTY);

  private BedrockInstrumentation() {}

  /**
   * Whether the switch is on (the default): {@code false}, {@code 0}, {@code no} or {@code off},
   * in any case, as {@code -DLLMOPS_AGENT_BEDROCK}, {@code -Dllmops.agent.bedrock} or the
   * environment variable {@code LLMOPS_AGENT_BEDROCK}, the first one set, turns it off (the
   * order of the core's configuration).
   */
  static boolean enabled(Properties properties, Map<String, String> environment) {
    return ON.enabled(properties, environment);
  }

  /** The weaving of the builder class, to install. */
  static AgentBuilder weaving() {
    return Weavings.retransforming()
        .with(LoadedClasses.named(BUILDER))
        .with(new WeavingListener("agent-bedrock-", "Bedrock Runtime calls are not recorded",
            StartupStats::bedrockWoven))
        .with(WeavingListener.debug())
        .type(named(BUILDER))
        .transform((builder, type, loader, module, domain) -> builder.visit(
            Advice.to(BedrockAdvice.class).on(named("invokePlugins").and(takesArguments(1)))));
  }
}
