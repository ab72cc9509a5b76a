package io.llmops.observability.agent.internal;

import io.llmops.observability.Scope;
import io.llmops.observability.agent.bootstrap.AdviceDispatch;
import io.llmops.observability.spi.ContextHandOff;
import io.llmops.observability.spi.Weaving;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One class loader's runtime, as {@link AdviceDispatch} calls it: this class and the
 * {@link Dispatcher} it calls are copies defined for that loader ({@link RuntimeLoader}), linked
 * against the core it sees. Created on the first call of a woven class of the loader; it plugs
 * that core's context into the context bridge, so that work handed to the JDK's executors
 * carries the context of whichever application submitted it. Public for its copies' sake:
 * internal, may change.
 */
public final class LoaderAdvice implements AdviceDispatch.Advice {

  /** What the context bridge returned for this core's hook: kept as long as this runtime is. */
  private final Object contextHook;

  /**
   * @param contextHooks registers {capture, attach, detach} with the context bridge and returns
   *     its handle (the bridge keeps hooks weakly), or null when there is no bridge
   */
  public LoaderAdvice(Function<Object[], Object> contextHooks) {
    Supplier<Object> capture = ContextHandOff::capture;
    Function<Object, Object> attach = ContextHandOff::attach;
    Consumer<Object> detach = token -> ((Scope) token).close();
    this.contextHook = contextHooks.apply(new Object[] {capture, attach, detach});
    Weaving.markActive("llmops-agent");
    AgentInstaller.warmUp();
  }

  @Override
  public Object enter(int id, Object self, Object[] arguments) {
    return Dispatcher.enter(id, self, arguments);
  }

  @Override
  public void exit(Object state, Object result, Throwable thrown) {
    Dispatcher.exit(state, result, thrown);
  }

  @Override
  public Object exitReactive(Object state, Object result, Throwable thrown) {
    return Dispatcher.exitReactive(state, result, thrown);
  }

  @Override
  public void local(String name, Object value) {
    Dispatcher.local(name, value);
  }

  @Override
  public String toString() {
    return "llmops runtime of " + getClass().getClassLoader() + " (context hook "
        + (contextHook != null) + ")";
  }
}
