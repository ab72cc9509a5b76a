package io.llmops.observability.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Weaves the {@code @Track*} annotations into the test classes, right after they compile. */
@Mojo(name = "weave-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
    requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class WeaveTestsMojo extends AbstractWeaveMojo {

  @Parameter(defaultValue = "${project.build.testOutputDirectory}", readonly = true,
      required = true)
  File classesFolder;

  @Override
  File classesFolder() {
    return classesFolder;
  }

  @Override
  String what() {
    return "test classes";
  }
}
