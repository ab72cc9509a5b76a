package io.llmops.observability.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.llmops.observability.agent.testing.ChildJvm;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The agent's installation never throws into the JVM that starts it (a throwing {@code premain}
 * aborts the JVM's start; a throwing {@code install()} reaches the application's {@code main}):
 * a weaving set-up that fails is logged and answered with false. In a JVM of its own, since
 * the agent installs once per JVM.
 */
class FailingInstallationTest {

  @Test
  void anInstrumentationThatRefusesEverythingIsReportedNotThrown() throws Exception {
    ChildJvm.Output output = ChildJvm.run(RefusedMain.class, ChildJvm.thisJava());

    assertThat(output.stdout()).contains("installed=false");
    assertThat(output.stderr()).contains("llmops-agent: the annotations could not be woven")
        .contains("UnsupportedOperationException");
  }

  /** Installs the agent with an instrumentation whose every method throws. */
  public static final class RefusedMain {
    public static void main(String[] args) {
      Instrumentation refusing = (Instrumentation) Proxy.newProxyInstance(
          Instrumentation.class.getClassLoader(), new Class<?>[] {Instrumentation.class},
          (proxy, method, arguments) -> {
            throw new UnsupportedOperationException(method.getName() + " refused");
          });
      System.out.println("installed=" + AgentInstaller.install(refusing));
    }
  }
}
