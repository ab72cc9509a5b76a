package io.llmops.observability.agent.internal;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Hands the annotation weaving only the class files of the application that name one of the
 * annotations: ByteBuddy would parse every class loaded to look for them. Internal.
 */
final class TrackedClassesOnly extends ResettableClassFileTransformer.WithDelegation {

  /** Decorates the weaving's transformer when it is installed. */
  static final AgentBuilder.TransformerDecorator DECORATOR = TrackedClassesOnly::new;

  private TrackedClassesOnly(ResettableClassFileTransformer weaving) {
    super(weaving);
    // Loads ClassFiles before this transformer is registered: loaded from transform(), its own
    // definition would run this transformer again, and the class loader would define it twice.
    ClassFiles.mayUseTrackedAnnotations(null);
  }

  @Override
  public byte[] transform(ClassLoader loader, String name, Class<?> redefined,
      ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
    return mayBeWoven(name, classFile)
        ? classFileTransformer.transform(loader, name, redefined, domain, classFile) : null;
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
      ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
    return mayBeWoven(name, classFile)
        ? classFileTransformer.transform(module, loader, name, redefined, domain, classFile)
        : null;
  }

  private static boolean mayBeWoven(String internalName, byte[] classFile) {
    try {
      return internalName != null
          && !AgentInstaller.outsideTheApplication(internalName.replace('/', '.'))
          && ClassFiles.mayUseTrackedAnnotations(classFile);
    } catch (StackOverflowError e) {
      // A class loaded with no stack left (deep in a recursion): an error thrown out of a
      // transformer makes the JVM print an assertion failure; ByteBuddy's own transformer would
      // not have had the room to weave it either.
      return false;
    }
  }
}
