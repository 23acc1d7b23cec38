package io.github.airbytejava.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a test needs to point a client at the fake in one line, and to make the client's waits take no time. */
class ClientSetupTest {

  @Test
  void envHoldsWhatAClientReadsFromTheEnvironment() {
    try (FakeAirbyte fake = FakeAirbyte.builder().clientId("id").clientSecret("secret").conformance(false).start()) {
      assertEquals(Map.of("AIRBYTE_API_URL", fake.baseUrl(), "AIRBYTE_CLIENT_ID", "id",
          "AIRBYTE_CLIENT_SECRET", "secret"), fake.env());
      Map<String, String> env = fake.env();
      Http.Res token = new Http(fake).tokenRequest(env.get("AIRBYTE_CLIENT_ID"), env.get("AIRBYTE_CLIENT_SECRET"));
      assertEquals(200, token.status());
    }
  }

  @Test
  void sleepingOnAManualClockAdvancesItAtOnce() throws InterruptedException {
    ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    clock.sleep(Duration.ofSeconds(45));
    assertEquals(Instant.parse("2026-01-01T00:00:45Z"), clock.instant());
    assertThrows(IllegalArgumentException.class, () -> clock.sleep(Duration.ofSeconds(-1)));

    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> clock.sleep(Duration.ofSeconds(1)));
    assertEquals(Instant.parse("2026-01-01T00:00:45Z"), clock.instant());
  }
}
