package io.llmops.observability.internal.export;

import io.llmops.observability.LlmopsConfig;
import io.llmops.observability.spi.SdkLog;
import java.util.Map;

/**
 * Variables that only an optional module reads: when one is set but no sink came of it, the
 * module is probably missing from the class path, and the user is told which one to add. Only a
 * hint: the modules own and validate their settings. Internal.
 */
final class ModuleHints {

  /** Variable to the artifact that reads it. */
  private static final Map<String, String> OWNERS = Map.of("AWS_SQS_URL", "io.llmops:llmops-sqs");

  private ModuleHints() {}

  static void warnAboutAbsentModules(LlmopsConfig config) {
    OWNERS.forEach((variable, artifact) -> {
      if (config.raw(variable).isPresent()) {
        SdkLog.warn("llmops: " + variable + " is set but the module that reads it is not on "
            + "the class path (add " + artifact + "); writing traces to files instead");
      }
    });
  }
}
