package io.llmops.observability.internal.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.llmops.observability.export.ExportResult;
import io.llmops.observability.export.TraceMessage;
import io.llmops.observability.export.TraceSink;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** Prints each trace as a tree of spans, for development and the demo. Internal. */
public final class ConsoleSink implements TraceSink {

  public static final String NAME = "console";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;

  public ConsoleSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ExportResult export(List<TraceMessage> messages) {
    try {
      StringBuilder text = new StringBuilder();
      for (TraceMessage message : messages) {
        text.append(TraceTreePrinter.render(JSON.readTree(message.traceJsonText()))).append('\n');
      }
      out.print(text);
      out.flush();
      return ExportResult.success();
    } catch (IOException | RuntimeException e) {
      return ExportResult.failure("cannot print trace: " + e);
    }
  }

  /** Registers the console sink under the name {@code console}. */
  public static final class Provider extends BuiltinSinkProvider {
    public Provider() {
      super(NAME, config -> new ConsoleSink(System.out));
    }
  }
}
