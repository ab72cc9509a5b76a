package io.llmops.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link InboundHttpBenchmark}'s requests measured in CPU time of the serving thread: the time the
 * thread ran, not the time it waited for a core, so that the cost on the caller's thread shows on
 * a machine too busy for JMH's wall-clock scores (and without the export worker's time, which
 * runs on its own thread). Each case is warmed up, then measured over {@code rounds} rounds of
 * {@code requests} requests; prints the median round in ns per request.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.llmops.benchmarks.InboundHttpCpuCost [requests] [rounds]
 * }</pre>
 */
public final class InboundHttpCpuCost {

  /** One request of a case. */
  private interface Request {
    void serve() throws Exception;
  }

  private InboundHttpCpuCost() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    InboundHttpBenchmark benchmark = new InboundHttpBenchmark();
    for (String handler : new String[] {"empty", "generation"}) {
      InboundHttpBenchmark.Server server = new InboundHttpBenchmark.Server();
      server.handler = handler;
      server.configure();
      Request[] cases = {
          () -> benchmark.jdkBare(server),
          () -> benchmark.jdkFiltered(server),
          () -> server.servletChain.doFilter(StubServletRequests.request(), server.response),
          () -> benchmark.servletFiltered(server)};
      String[] names = {"jdkBare", "jdkFiltered", "servletBare", "servletFiltered"};
      for (int c = 0; c < cases.length; c++) {
        long[] perRequest = new long[rounds];
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < requests; i++) {
            cases[c].serve();
          }
          if (round >= 0) {
            perRequest[round] = (threads.getCurrentThreadCpuTime() - start) / requests;
          }
        }
        Arrays.sort(perRequest);
        System.out.printf("%-16s handler=%-10s median %,7d ns/request CPU (rounds %s)%n",
            names[c], handler, perRequest[rounds / 2], Arrays.toString(perRequest));
      }
      Discarding.shutdownLlmops("InboundHttpCpuCost handler=" + handler, server.sink);
    }
  }
}
