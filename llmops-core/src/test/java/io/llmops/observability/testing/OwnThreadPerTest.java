package io.llmops.observability.testing;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs every test method (parameterized ones included) on a new thread of its own, so that
 * whatever a test leaves current on its thread cannot reach the tests after it.
 *
 * <pre>{@code @ExtendWith(OwnThreadPerTest.class)}</pre>
 */
public final class OwnThreadPerTest implements InvocationInterceptor {

  @Override
  public void interceptTestMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
      throws Throwable {
    runOnOwnThread(invocation, extensionContext);
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
      throws Throwable {
    runOnOwnThread(invocation, extensionContext);
  }

  private static void runOnOwnThread(Invocation<Void> invocation, ExtensionContext context)
      throws Throwable {
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(() -> {
      try {
        invocation.proceed();
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "test " + context.getDisplayName());
    thread.start();
    thread.join();
    if (failure[0] != null) {
      throw failure[0];
    }
  }
}
