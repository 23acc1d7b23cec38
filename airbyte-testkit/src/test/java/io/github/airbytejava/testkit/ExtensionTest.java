package io.github.airbytejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeAirbyteExtension.class)
class ExtensionTest {

  @Test
  void classLevelFakeIsInjected(FakeAirbyte injected) {
    assertTrue(injected.baseUrl().startsWith("http://127.0.0.1:"));
    assertEquals(200, new Http(injected).get("/health").status());
  }

  @Test
  void withoutBeforeAllEachTestGetsItsOwnFake() {
    FakeAirbyteExtension extension = new FakeAirbyteExtension();
    extension.beforeEach(null);
    FakeAirbyte first = extension.fake();
    extension.afterEach(null);
    assertThrows(IllegalStateException.class, extension::fake);
    extension.beforeEach(null);
    assertNotSame(first, extension.fake());
    extension.afterEach(null);
  }

  @Test
  void afterEachFailsOnMismatchesAndClearsThem() {
    FakeAirbyteExtension extension = new FakeAirbyteExtension();
    extension.beforeAll(null);
    FakeAirbyte fake = extension.fake();
    extension.beforeEach(null);
    assertSame(fake, extension.fake());
    new Http(fake).login().get("/sources?limit=0");

    AssertionError error = assertThrows(AssertionError.class, () -> extension.afterEach(null));
    assertTrue(error.getMessage().contains("validation.request.parameter.schema.minimum"), error::getMessage);
    assertTrue(fake.mismatches().isEmpty());

    extension.beforeEach(null);
    extension.afterEach(null);
    extension.afterAll(null);
    assertThrows(IllegalStateException.class, extension::fake);
  }

  @Test
  void beforeEachClearsFaultsAndRequestsButKeepsData() {
    FakeAirbyteExtension extension = new FakeAirbyteExtension();
    extension.beforeAll(null);
    FakeAirbyte fake = extension.fake();
    Http http = new Http(fake).login();
    http.post("/workspaces", Http.obj("name", "kept"));
    fake.faults().next(Fault.status(503));

    extension.beforeEach(null);
    assertEquals(0, fake.requestCount());
    assertTrue(fake.faults().pending().isEmpty());
    assertEquals(2, http.get("/workspaces").json().getAsJsonArray("data").size());
    extension.afterEach(null);
    extension.afterAll(null);
  }

  @Test
  void resetBeforeEachTestGivesEachTestTheStartingStateOnTheSameServer() {
    FakeAirbyteExtension extension = new FakeAirbyteExtension().resetBeforeEachTest();
    extension.beforeAll(null);
    FakeAirbyte fake = extension.fake();
    extension.beforeEach(null);
    Http http = new Http(fake).login();
    http.post("/workspaces", Http.obj("name", "not kept"));
    assertEquals(2, http.get("/workspaces").json().getAsJsonArray("data").size());
    extension.afterEach(null);

    extension.beforeEach(null);
    assertSame(fake, extension.fake());
    assertEquals(1, http.get("/workspaces").json().getAsJsonArray("data").size());
    extension.afterEach(null);
    extension.afterAll(null);
  }

  @Test
  void mainPrintsTheBaseUrl() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (FakeAirbyte fake = FakeAirbyte.startFromArgs(new String[] {"--port", "0", "--client-id", "cli",
        "--client-secret", "cli-secret", "--base-path", "/api/public/v1", "--token-lifetime", "180"},
        new java.io.PrintStream(out, true, "UTF-8"))) {
      String printed = out.toString("UTF-8");
      assertTrue(printed.startsWith("Fake Airbyte listening at " + fake.baseUrl() + "\n"), printed);
      assertTrue(fake.baseUrl().endsWith("/api/public/v1"));
      Http.Res token = new Http(fake).tokenRequest("cli", "cli-secret");
      assertEquals(180, token.json().get("expires_in").getAsInt());
    }
    assertThrows(IllegalArgumentException.class,
        () -> FakeAirbyte.startFromArgs(new String[] {"--bogus"}, System.out));
  }
}
