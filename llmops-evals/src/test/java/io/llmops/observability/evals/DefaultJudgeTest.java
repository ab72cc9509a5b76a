package io.llmops.observability.evals;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.llmops.observability.testing.WireDecoder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @TrackLlmCall(evals = ...)} with no judge configured, in JVMs of their own
 * ({@link DefaultJudgeMain}) whose AWS settings the test controls: no AWS variable inherited,
 * the instance metadata service and the shared profile files out of reach, credentials and
 * region given (or not) as the SDK's own system properties. With both, the Bedrock judge on
 * {@code MODEL_ID} judges; without, the evaluations are skipped, counted, and the skip is logged
 * once naming what to set.
 */
@Timeout(180)
class DefaultJudgeTest {

  private static final int CALLS = 3;
  private static final String MODEL_ID = "amazon.nova-lite-v1:0";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRET";
  private static final String CREDENTIALS =
      "-Daws.accessKeyId=AKIAIOSFODNN7EXAMPLE -Daws.secretAccessKey=" + SECRET;
  private static final String SKIPPED = "@TrackLlmCall evaluations are skipped";

  @TempDir Path work;

  /** What the child printed, and what it exported. */
  private record Child(String output, long skipped, List<JsonNode> spans) {

    List<JsonNode> ofType(String type) {
      return spans.stream().filter(span -> span.get("span_type").asText().equals(type)).toList();
    }

    long skipLines() {
      return output.lines().filter(line -> line.contains(SKIPPED)).count();
    }

    String skipLine() {
      return output.lines().filter(line -> line.contains(SKIPPED)).findFirst().orElseThrow();
    }
  }

  @Test
  void withCredentialsAndARegionTheBedrockJudgeOnModelIdJudgesEveryCriterion() throws Exception {
    Child child = run(CREDENTIALS + " -Daws.region=eu-west-1", false);

    assertThat(child.skipped()).as(child.output()).isZero();
    assertThat(child.skipLines()).as(child.output()).isZero();
    List<JsonNode> evaluations = child.ofType("evaluation");
    assertThat(evaluations).as(child.output()).hasSize(2 * CALLS).allSatisfy(evaluation -> {
      assertThat(evaluation.at("/input_data/evaluation/score").asDouble()).isEqualTo(0.9);
      assertThat(evaluation.at("/metadata/evaluator/backend").asText()).isEqualTo("bedrock");
      assertThat(evaluation.at("/metadata/evaluator/model").asText()).isEqualTo(MODEL_ID);
      assertThat(evaluation.at("/metadata/evaluator/region").asText()).isEqualTo("eu-west-1");
    });
    // the judge's own Converse calls are not recorded as the application's generations
    assertThat(child.ofType("generation")).extracting(span -> span.get("span_name").asText())
        .containsOnly("answer");
  }

  @Test
  void withoutCredentialsTheEvaluationsAreSkippedAndTheSkipIsLoggedOnceNamingTheVariables()
      throws Exception {
    Child child = run("-Daws.region=eu-west-1", false);

    assertThat(child.ofType("evaluation")).as(child.output()).isEmpty();
    assertThat(child.ofType("generation")).hasSize(CALLS);
    assertThat(child.skipped()).as(child.output()).isEqualTo(2 * CALLS);
    assertThat(child.skipLines()).as(child.output()).isOne();
    assertThat(child.skipLine()).contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_PROFILE", "LLMOPS_JUDGE").doesNotContain("AWS_REGION");
  }

  @Test
  void withoutARegionTheEvaluationsAreSkippedAndTheSkipNamesAwsRegionWithoutEchoingAnyValue()
      throws Exception {
    Child child = run(CREDENTIALS, false);

    assertThat(child.ofType("evaluation")).as(child.output()).isEmpty();
    assertThat(child.skipped()).as(child.output()).isEqualTo(2 * CALLS);
    assertThat(child.skipLines()).as(child.output()).isOne();
    assertThat(child.skipLine()).contains("AWS_REGION").doesNotContain("AWS_ACCESS_KEY_ID");
    assertThat(child.output()).doesNotContain(SECRET).doesNotContain("AKIAIOSFODNN7EXAMPLE");
  }

  @Test
  void withoutTheAwsSdkTheEvaluationsAreSkippedAndTheSkipNamesTheDependencyAndTheVariables()
      throws Exception {
    Child child = run(CREDENTIALS + " -Daws.region=eu-west-1", true);

    assertThat(child.ofType("evaluation")).as(child.output()).isEmpty();
    assertThat(child.skipped()).as(child.output()).isEqualTo(2 * CALLS);
    assertThat(child.skipLines()).as(child.output()).isOne();
    assertThat(child.skipLine()).contains("software.amazon.awssdk:bedrockruntime",
        "LLMOPS_JUDGE=openai", "LLMOPS_JUDGE_MODEL");
  }

  /**
   * Runs {@link DefaultJudgeMain} with {@code awsOptions} as its only AWS settings, exporting to
   * files; {@code withoutSdk} leaves the AWS SDK off its class path.
   */
  private Child run(String awsOptions, boolean withoutSdk) throws Exception {
    Path none = work.resolve("no-such-file");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-DLLMOPS_SINKS=file",
        "-DLLMOPS_FILE_SINK_DIR=" + work.resolve("traces"),
        "-DMODEL_ID=" + MODEL_ID,
        "-Daws.disableEc2Metadata=true",
        "-Daws.sharedCredentialsFile=" + none,
        "-Daws.configFile=" + none));
    command.addAll(Arrays.asList(awsOptions.split(" ")));
    command.addAll(List.of("-cp", classPath(withoutSdk), DefaultJudgeMain.class.getName(),
        Integer.toString(CALLS)));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(work.resolve("output.txt").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    Process process = builder.start();
    boolean exited = process.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(work.resolve("output.txt"), UTF_8);
    assertThat(exited).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    String skipped = output.lines().filter(line -> line.startsWith("skipped=")).findFirst()
        .orElseThrow(() -> new AssertionError(output));
    return new Child(output, Long.parseLong(skipped.substring("skipped=".length())), spans());
  }

  private static String classPath(boolean withoutSdk) {
    String classPath = System.getProperty("java.class.path");
    if (!withoutSdk) {
      return classPath;
    }
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.contains("software" + File.separator + "amazon"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The spans of every message the file sink wrote. */
  private List<JsonNode> spans() throws Exception {
    List<JsonNode> spans = new ArrayList<>();
    Path traces = work.resolve("traces");
    if (!Files.isDirectory(traces)) {
      return spans;
    }
    try (Stream<Path> files = Files.list(traces)) {
      for (Path file : files.toList()) {
        for (String message : Files.readAllLines(file, UTF_8)) {
          WireDecoder.trace(message).get("spans").forEach(spans::add);
        }
      }
    }
    return spans;
  }
}
