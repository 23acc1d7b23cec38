package io.github.airbytejava.testkit;

import java.util.Map;

/** The tags Root and Health: {@code GET /} and {@code GET /health}, both served without a token. */
final class Root implements ResourceGroup {

  @Override
  public void routes(Routes routes) {
    routes.open("GET", "/", "getDocumentation", call -> new Reply(200, "text/html",
        "<!doctype html><title>Fake Airbyte</title><p>A fake Airbyte API for tests; see https://reference.airbyte.com",
        Map.of()));
    routes.open("GET", "/health", "getHealthCheck", call -> new Reply(200, null, "", Map.of()));
  }
}
