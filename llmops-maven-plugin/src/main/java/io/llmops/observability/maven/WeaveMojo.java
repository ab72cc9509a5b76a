package io.llmops.observability.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Weaves the {@code @Track*} annotations into the main classes, right after they compile. */
@Mojo(name = "weave", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class WeaveMojo extends AbstractWeaveMojo {

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
  File classesFolder;

  @Override
  File classesFolder() {
    return classesFolder;
  }

  @Override
  String what() {
    return "classes";
  }
}
