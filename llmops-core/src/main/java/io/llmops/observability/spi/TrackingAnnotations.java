package io.llmops.observability.spi;

import io.llmops.observability.SpanType;
import java.util.List;

/**
 * The {@code @Track*} annotations that define a method's span, by class name, in the order that
 * decides when a method carries several (docs/AGENT.md, "What is woven"), and the span type each
 * records. {@code @ResumeExternalService} is none of them: it combines with any, and alone it
 * records a span as {@code @TrackFunction} does.
 */
public final class TrackingAnnotations {

  /** The span-defining annotations' class names, the first of them winning over the others. */
  public static final List<String> IN_ORDER = List.of(
      "io.llmops.observability.TrackLlmCall",
      "io.llmops.observability.TrackLlmAgent",
      "io.llmops.observability.TrackLlmTool",
      "io.llmops.observability.TrackExternalService",
      "io.llmops.observability.TrackFunction",
      "io.llmops.observability.TrackTransaction");

  private static final List<SpanType> TYPES = List.of(SpanType.GENERATION, SpanType.AGENT,
      SpanType.TOOL, SpanType.SPAN, SpanType.SPAN, SpanType.TRANSACTION);

  private TrackingAnnotations() {}

  /** The span type the annotation named records; a span for any other (a resumed call's). */
  public static SpanType spanTypeOf(String annotationType) {
    int index = IN_ORDER.indexOf(annotationType);
    return index < 0 ? SpanType.SPAN : TYPES.get(index);
  }

  /** Warns that the method carries several; {@code applied} is the winner's class name. */
  public static void warnOfSeveral(String where, String applied) {
    SdkLog.warn("llmops: " + where + " carries several tracking annotations; only @"
        + applied.substring(applied.lastIndexOf('.') + 1) + " is applied");
  }
}
