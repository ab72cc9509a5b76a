package io.llmops.observability.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the SDK logs (its {@code System.Logger} reaches java.util.logging in the core's
 * tests) while open.
 *
 * <pre>{@code
 * try (CapturedLog log = CapturedLog.open()) { ...; assertThat(log.text()).contains(...); }
 * }</pre>
 */
public final class CapturedLog extends Handler implements AutoCloseable {

  private static final Logger SDK = Logger.getLogger("io.llmops.observability");

  private final List<String> lines = new CopyOnWriteArrayList<>();

  private CapturedLog() {}

  public static CapturedLog open() {
    CapturedLog log = new CapturedLog();
    SDK.addHandler(log);
    return log;
  }

  /** The messages logged so far, one per record. */
  public List<String> messages() {
    return List.copyOf(lines);
  }

  /** Every message logged so far, one per line. */
  public String text() {
    return String.join("\n", lines);
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    SDK.removeHandler(this);
  }
}
