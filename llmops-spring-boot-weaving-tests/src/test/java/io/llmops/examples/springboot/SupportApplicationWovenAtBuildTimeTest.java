package io.llmops.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.spi.Weaving;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootVersion;

/**
 * The example application, its annotated beans woven at build time by llmops-maven-plugin, with
 * the starter and no agent: the woven code records the beans, the starter's AOP stands back for
 * them, and the trace is the one the example's AOP and agent tests expect, each span once.
 */
@Timeout(60)
class SupportApplicationWovenAtBuildTimeTest {

  @Test
  void theApplicationRunsOnTheSpringBootItIsBuiltFor() {
    assertThat(SpringBootVersion.getVersion()).startsWith(System.getProperty("expected.boot"));
  }

  @Test
  void theAnnotatedBeansWereWovenAtBuildTime() {
    assertThat(Weaving.wovenAtBuildTime(SupportAgent.class)).isTrue();
    assertThat(Weaving.wovenAtBuildTime(WeatherTool.class)).isTrue();
    assertThat(Weaving.wovenAtBuildTime(ChatModel.class)).isTrue();
    assertThat(Weaving.wovenAtBuildTime(SupportController.class)).isFalse();
  }

  @Test
  void aRequestIsTracedFromTheServerSpanToTheModelCallEachSpanOnce() throws Exception {
    SupportTraces.oneRequestRecordsEachSpanOnceNestedAsTheCallsWere();
  }
}
