package io.llmops.examples.springboot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The application traced by the starter alone: Spring AOP records the annotated beans. */
@Timeout(60)
class SupportApplicationTest {

  @Test
  void aRequestIsTracedFromTheServerSpanToTheModelCall() throws Exception {
    SupportTraces.oneRequestRecordsEachSpanOnceNestedAsTheCallsWere();
  }
}
