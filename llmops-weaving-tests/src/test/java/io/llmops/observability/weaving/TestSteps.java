package io.llmops.observability.weaving;

import io.llmops.observability.CaptureLocals;
import io.llmops.observability.TrackFunction;

/** An annotated class of the tests themselves, woven by the goal weave-tests. */
class TestSteps {

  @TrackFunction(name = "prepare_fixture", captureLocals = CaptureLocals.ALL)
  static String prepare(String name) {
    String prepared = "fixture " + name;
    return prepared;
  }
}
