package io.llmops.observability.agent.internal;

import io.llmops.observability.spi.SdkLog;
import java.lang.reflect.Method;

/**
 * Adds {@code llmops-bedrock}'s interceptor to the configuration of each Bedrock Runtime client
 * the application builds. Its classes are looked up through the class loader of the SDK that
 * builds the client (a Spring Boot executable jar, say, has its own), by name: the agent has no
 * dependency on the SDK or on {@code llmops-bedrock}. Public because the code
 * {@link BedrockInstrumentation} weaves calls it from inside the SDK. Never throws. Internal.
 */
public final class BedrockClients {

  static final String REGISTRATION = "io.llmops.observability.bedrock.internal.AgentRegistration";
  private static final String CONFIGURATION =
      "software.amazon.awssdk.core.client.config.SdkClientConfiguration";

  /** Per builder class, so per class loader: the entry point, or null without llmops-bedrock. */
  private static final ClassValue<Method> REGISTRATIONS = new ClassValue<>() {
    @Override
    protected Method computeValue(Class<?> builder) {
      return registration(builder.getClassLoader());
    }
  };

  private BedrockClients() {}

  /**
   * The configuration resolved by a builder of class {@code builder}, with the interceptor added
   * unless it already has one; unchanged when that cannot be done.
   */
  public static Object withInterceptor(Class<?> builder, Object configuration) {
    try {
      Method registration = REGISTRATIONS.get(builder);
      if (registration == null) {
        return configuration;
      }
      Object registered = registration.invoke(null, configuration);
      if (registered != configuration) {
        StartupStats.bedrockClient();
      }
      return registered;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      failed(e);
      return configuration;
    }
  }

  private static Method registration(ClassLoader loader) {
    try {
      Class<?> registration = Class.forName(REGISTRATION, false, loader);
      return registration.getMethod("withInterceptor", Class.forName(CONFIGURATION, false, loader));
    } catch (ClassNotFoundException e) {
      SdkLog.warn("llmops-agent: Bedrock Runtime calls are not recorded: io.llmops:llmops-bedrock"
          + " is not on the class path of the AWS SDK (" + loader + "). Add it, or set "
          + BedrockInstrumentation.SWITCH + "=false to turn this off");
      return null;
    } catch (ReflectiveOperationException | LinkageError e) {
      failed(e);
      return null;
    }
  }

  private static void failed(Throwable e) {
    StartupStats.bedrockFailure();
    SdkLog.errorOnce("agent-bedrock", "llmops-agent: could not add the Bedrock interceptor to"
        + " a Bedrock Runtime client; its calls are not recorded", e);
  }
}
