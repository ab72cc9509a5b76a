package io.llmops.observability.springai.internal;

import io.llmops.observability.Span;
import io.micrometer.observation.Observation;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Spring AI's tool-calling loop reports, on each model call after the first, the usage of all
 * the calls of the loop so far (its {@code UsageCalculator}). Each generation span must count
 * its own call only: the usage each call reported is remembered by the assistant message it
 * answered with, and a later call whose prompt carries that message has it subtracted. The
 * memory holds weak keys only: it is bounded by the conversations still alive. Internal.
 */
final class CumulativeUsage {

  private static final String BEFORE = CumulativeUsage.class.getName();
  private static final Map<AssistantMessage, long[]> REPORTED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private CumulativeUsage() {}

  /** Notes, on the observation, what the calls before this one in its loop reported. */
  static void noteBefore(Observation.Context context, Prompt prompt) {
    long[] before = null;
    for (Message message : prompt.getInstructions()) {
      if (message instanceof AssistantMessage assistant) {
        long[] reported = REPORTED.get(assistant);
        before = reported == null ? before : reported;
      }
    }
    if (before != null) {
      context.put(BEFORE, before);
    }
  }

  /** Remembers what this call reported and sets the span's usage to this call's own part. */
  static void record(Observation.Context context, ChatResponse response, Span span) {
    Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
    long[] reported = counts(usage);
    if (reported == null) {
      return;
    }
    if (response.getResult() != null && response.getResult().getOutput() != null) {
      REPORTED.put(response.getResult().getOutput(), reported);
    }
    long[] before = context.get(BEFORE);
    if (before != null && usage.getNativeUsage() == null
        && reported[0] >= before[0] && reported[1] >= before[1]) {
      span.setUsage(reported[0] - before[0], reported[1] - before[1]);
    }
  }

  private static long @Nullable [] counts(@Nullable Usage usage) {
    if (usage == null || usage.getPromptTokens() == null || usage.getCompletionTokens() == null) {
      return null;
    }
    return new long[] {usage.getPromptTokens(), usage.getCompletionTokens()};
  }
}
