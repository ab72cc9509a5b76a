package io.llmops.benchmarks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The random values a benchmark trace is built from. Recorded once before timing and replayed
 * inside the timed loop, so a throughput figure measures the SDK, not the generation of random
 * text (which costs more than building and finalizing the trace itself).
 */
interface TraceContent {

  String text(int chars);

  int nextInt(int bound);

  /** Draws fresh values from {@code random}. */
  static TraceContent live(Random random) {
    return new TraceContent() {
      @Override
      public String text(int chars) {
        return EncodeBenchmark.text(random, chars);
      }

      @Override
      public int nextInt(int bound) {
        return random.nextInt(bound);
      }
    };
  }

  /** Draws from {@code random} and records every value, for {@link #replay}. */
  static TraceContent recording(Random random, List<Object> tape) {
    TraceContent live = live(random);
    return new TraceContent() {
      @Override
      public String text(int chars) {
        String value = live.text(chars);
        tape.add(value);
        return value;
      }

      @Override
      public int nextInt(int bound) {
        int value = live.nextInt(bound);
        tape.add(value);
        return value;
      }
    };
  }

  /** Returns the recorded values in order. */
  static TraceContent replay(List<Object> tape) {
    Iterator<Object> values = new ArrayList<>(tape).iterator();
    return new TraceContent() {
      @Override
      public String text(int chars) {
        return (String) values.next();
      }

      @Override
      public int nextInt(int bound) {
        return (Integer) values.next();
      }
    };
  }
}
