package io.github.airbytejava.testkit;

/**
 * The operations of one of the API's tags (Sources, Connections, Jobs, ...) and the state they keep. Handlers run
 * under the lock of {@link Api}, one request at a time.
 */
interface ResourceGroup {

  /** Adds this group's operations. */
  void routes(Routes routes);

  /** Back to the starting state. */
  default void reset() {
  }
}
