package io.llmops.observability.agent.internal;

import java.util.function.Supplier;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The agent's weavings, built before the JVM's {@code Instrumentation} is at hand (while
 * {@code LlmopsAgent.install()} attaches), installed once it is. A weaving whose building failed
 * holds the failure, thrown when it is installed, so that it is reported as a failure to install
 * would be. Internal.
 */
public final class Weavings {

  final LocalsTransformer locals;
  final Prepared annotations;
  /** Null when context propagation is switched off. */
  final Prepared context;
  /** Null when the Bedrock weaving is switched off. */
  final Prepared bedrock;
  /** Null when the HTTP clients' weaving is switched off. */
  final Prepared httpClients;

  Weavings(LocalsTransformer locals, Prepared annotations, Prepared context, Prepared bedrock,
      Prepared httpClients) {
    this.locals = locals;
    this.annotations = annotations;
    this.context = context;
    this.bedrock = bedrock;
    this.httpClients = httpClients;
  }

  /**
   * The start of each weaving: it changes no class's format (advice only) and retransforms the
   * classes loaded before it.
   */
  static AgentBuilder.RedefinitionListenable.WithoutBatchStrategy retransforming() {
    return new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
  }

  /** One weaving, or what went wrong building it. */
  static final class Prepared {

    private final AgentBuilder builder;
    /** A RuntimeException or a LinkageError, the failures a weaving's installation reports. */
    private final Throwable failure;

    private Prepared(AgentBuilder builder, Throwable failure) {
      this.builder = builder;
      this.failure = failure;
    }

    static Prepared of(Supplier<AgentBuilder> build) {
      try {
        return new Prepared(build.get(), null);
      } catch (RuntimeException | LinkageError e) {
        return new Prepared(null, e);
      }
    }

    /** The weaving; throws what building it threw. */
    AgentBuilder builder() {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof LinkageError e) {
        throw e;
      }
      return builder;
    }
  }
}
