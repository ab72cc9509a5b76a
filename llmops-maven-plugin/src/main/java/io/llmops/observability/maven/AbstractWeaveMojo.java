package io.llmops.observability.maven;

import io.llmops.observability.maven.internal.ClassFolderWeaver;
import java.io.File;
import java.io.IOException;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals {@code weave} and {@code weave-tests} share; they differ by folder only. */
abstract class AbstractWeaveMojo extends AbstractMojo {

  static final String AGENT_GROUP = "io.llmops";
  static final String AGENT_ARTIFACT = "llmops-agent";

  /** What a class that cannot be woven does to the build. */
  public enum OnFailure {
    /** The build fails, naming the class. */
    FAIL,
    /** The class is left as compiled (its annotations do nothing), with a warning. */
    WARN
  }

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
  String pluginVersion;

  /** Leaves every class as compiled. */
  @Parameter(property = "llmops.weave.skip", defaultValue = "false")
  boolean skip;

  /** {@code FAIL} (the default) or {@code WARN}: what a class that cannot be woven does. */
  @Parameter(property = "llmops.weave.onFailure", defaultValue = "FAIL")
  OnFailure onFailure = OnFailure.FAIL;

  /** The folder of class files to weave in place. */
  abstract File classesFolder();

  /** How the log names the folder: "classes" or "test classes". */
  abstract String what();

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("llmops: weaving skipped (llmops.weave.skip)");
      return;
    }
    requireTheAgent();
    ClassFolderWeaver.Summary summary;
    try {
      summary = ClassFolderWeaver.weave(classesFolder().toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("llmops: could not weave the " + what() + " in "
          + classesFolder() + ": " + e.getMessage(), e);
    }
    for (String notWoven : summary.notWoven()) {
      getLog().warn("llmops: left unwoven, its @Track* annotations do nothing: " + notWoven);
    }
    for (String failure : summary.failures()) {
      getLog().warn("llmops: could not weave " + failure);
    }
    if (!summary.failures().isEmpty() && onFailure == OnFailure.FAIL) {
      throw new MojoFailureException("llmops: " + summary.failures().size() + " class(es) of the "
          + what() + " could not be woven (listed above); set <onFailure>WARN</onFailure> to "
          + "build them unwoven");
    }
    getLog().info("llmops: wove " + summary.methods() + " method(s) in " + summary.classes()
        + " class(es) of the " + what());
  }

  /** The woven code calls the agent's classes at run time: without them it fails to link. */
  private void requireTheAgent() throws MojoFailureException {
    for (Artifact artifact : project.getArtifacts()) {
      if (AGENT_GROUP.equals(artifact.getGroupId())
          && AGENT_ARTIFACT.equals(artifact.getArtifactId())
          && !Artifact.SCOPE_PROVIDED.equals(artifact.getScope())) {
        return;
      }
    }
    throw new MojoFailureException("llmops: the woven classes need " + AGENT_GROUP + ":"
        + AGENT_ARTIFACT + " at run time, and " + project.getArtifactId() + " does not depend "
        + "on it: add the dependency " + AGENT_GROUP + ":" + AGENT_ARTIFACT + ":"
        + pluginVersion + " (compile or runtime scope); no -javaagent is needed");
  }
}
