package io.llmops.observability.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Maven's log, keeping each line as "level: message" instead of printing it. */
final class RecordingLog extends SystemStreamLog {

  final List<String> lines = new ArrayList<>();

  @Override
  public void info(CharSequence content) {
    lines.add("info: " + content);
  }

  @Override
  public void warn(CharSequence content) {
    lines.add("warn: " + content);
  }
}
