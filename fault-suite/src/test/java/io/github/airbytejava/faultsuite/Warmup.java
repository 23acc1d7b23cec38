package io.github.airbytejava.faultsuite;

import io.github.airbytejava.AirbyteClient;

/**
 * One successful call of each operation before the timed cases, so that loading OkHttp, Gson and the generated
 * models' adapters is not counted against the first case's bound.
 */
final class Warmup {
  private static boolean done;

  private Warmup() {}

  static synchronized void once() {
    if (done) return;
    try (Loopback server = new Loopback(); AirbyteClient client = server.client().build()) {
      for (Operation op : Operation.values()) {
        op.route(server, attempt -> op.ok());
        op.checkResult(op.call(client));
      }
    }
    done = true;
  }
}
