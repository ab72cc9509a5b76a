package io.llmops.observability.agent.internal;

/**
 * The agent's weavings, built before the JVM's {@code Instrumentation} is at hand (while
 * {@code LlmopsAgent.install()} attaches), installed once it is. Internal.
 */
public final class Weavings {

  /** Null when the captureLocals pass could not be built. */
  final LocalsTransformer locals;
  final AnnotationWeaving annotations;
  /** Null when context propagation is switched off. */
  final ContextPropagation context;
  /** Null when the Bedrock weaving is switched off. */
  final BedrockInstrumentation bedrock;
  /** Null when the HTTP clients' weaving is switched off. */
  final HttpClientWeaving httpClients;

  Weavings(LocalsTransformer locals, AnnotationWeaving annotations, ContextPropagation context,
      BedrockInstrumentation bedrock, HttpClientWeaving httpClients) {
    this.locals = locals;
    this.annotations = annotations;
    this.context = context;
    this.bedrock = bedrock;
    this.httpClients = httpClients;
  }
}
