package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The public hooks a command-line tool builds on: a token store shared by short-lived clients, the current access
 * token, the client's OkHttp client for endpoints the typed APIs lack, and the client's masking of secrets.
 */
class TokenStoreTest {

  /** A store in memory, as a file would be for processes. */
  static final class MapStore implements TokenStore {
    final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Entry load(String key) {
      return entries.get(key);
    }

    @Override
    public void save(String key, Entry entry) {
      entries.put(key, entry);
    }
  }

  @Test
  void clientsSharingAStoreMakeOneTokenRequestPerTokenLifetime() {
    ManualClock clock = new ManualClock();
    MapStore store = new MapStore();
    try (FakeAirbyte fake = FakeAirbyte.builder().clock(clock).tokenLifetime(Duration.ofMinutes(3)).start()) {
      for (int i = 0; i < 5; i++) {
        try (AirbyteClient client = clientFor(fake, clock, store)) {
          client.workspaces().listWorkspaces().execute();
        }
        clock.advance(Duration.ofSeconds(10));
      }
      assertEquals(1, fake.tokenRequestCount(), "four clients reused the stored token");
      assertEquals(1, store.entries.size());

      clock.advance(Duration.ofMinutes(2)); // past the refresh point of a 3-minute token (36 to 45 s before expiry)
      try (AirbyteClient client = clientFor(fake, clock, store)) {
        client.workspaces().listWorkspaces().execute();
      }
      assertEquals(2, fake.tokenRequestCount(), "a stored token past its refresh point is replaced");
    }
  }

  @Test
  void aTokenStoredForAnotherServerOrClientIdIsNeverSent() {
    ManualClock clock = new ManualClock();
    MapStore store = new MapStore();
    try (FakeAirbyte first = FakeAirbyte.builder().clock(clock).start();
        FakeAirbyte second = FakeAirbyte.builder().clock(clock).start()) {
      try (AirbyteClient client = clientFor(first, clock, store)) {
        client.workspaces().listWorkspaces().execute();
      }
      try (AirbyteClient client = clientFor(second, clock, store)) {
        client.workspaces().listWorkspaces().execute();
      }
      assertEquals(1, second.tokenRequestCount(), "the second server's client fetched its own token");
      assertEquals(2, store.entries.size(), "one key per server");
      assertTrue(store.entries.keySet().stream().noneMatch(key -> key.contains(first.clientSecret())),
          "keys never hold the secret");
      // The same server and client id with another secret: the stored token is not used, the secret is checked.
      try (AirbyteClient client = AirbyteClient.fromEnv(Map.of("AIRBYTE_API_URL", first.baseUrl(),
          "AIRBYTE_CLIENT_ID", first.clientId(), "AIRBYTE_CLIENT_SECRET", "not-the-secret")).toBuilder()
          .clock(clock).sleeper(clock::sleep).tokenStore(store).build()) {
        assertThrows(AuthenticationException.class, () -> client.workspaces().listWorkspaces().execute());
      }
      assertNotEquals(first.baseUrl(), second.baseUrl());
    }
  }

  @Test
  void aFailingOrRejectedStoreIsNeverFatal() {
    ManualClock clock = new ManualClock();
    TokenStore broken = new TokenStore() {
      @Override
      public Entry load(String key) throws IOException {
        throw new IOException("corrupt");
      }

      @Override
      public void save(String key, Entry entry) {
        throw new IllegalStateException("read-only");
      }
    };
    MapStore planted = new MapStore();
    try (FakeAirbyte fake = FakeAirbyte.builder().clock(clock).start()) {
      try (AirbyteClient client = clientFor(fake, clock, broken)) {
        assertFalse(client.workspaces().listWorkspaces().execute().getData().isEmpty());
      }
      // A stored token the server does not know (revoked, say): a 401, one fresh token, the call replayed.
      try (AirbyteClient client = clientFor(fake, clock, planted)) {
        client.workspaces().listWorkspaces().execute();
        String key = planted.entries.keySet().iterator().next();
        planted.entries.put(key, new TokenStore.Entry(new AccessToken("revoked", null), clock.instant()));
      }
      try (AirbyteClient client = clientFor(fake, clock, planted)) {
        client.workspaces().listWorkspaces().execute();
      }
      assertEquals(3, fake.tokenRequestCount());
    }
  }

  @Test
  void accessTokenIsTheTokenTheApiAccepts() throws IOException {
    try (FakeAirbyte fake = FakeAirbyte.start(); AirbyteClient client = AirbyteClient.fromEnv(fake.env())) {
      AccessToken token = client.accessToken();
      Request request = new Request.Builder().url(fake.baseUrl() + "/workspaces")
          .header("Authorization", "Bearer " + token.token()).build();
      try (Response response = new okhttp3.OkHttpClient().newCall(request).execute()) {
        assertEquals(200, response.code());
      }
      // The client's own OkHttp client authenticates with the same token: no second token request.
      try (Response response = client.httpClient().newCall(new Request.Builder().url(fake.baseUrl() + "/workspaces")
          .build()).execute()) {
        assertEquals(200, response.code());
      }
      assertEquals(1, fake.tokenRequestCount());
    }
    try (AirbyteClient none = AirbyteClient.builder().build()) {
      assertNull(none.accessToken(), "no credentials, no token");
    }
  }

  @Test
  void maskSecretsMasksAsTheLogsDo() {
    try (AirbyteClient client = AirbyteClient.builder().build()) {
      String masked = client.maskSecrets("{\"client_secret\":\"s3cr3t\",\"name\":\"pg\","
          + "\"configuration\":{\"host\":\"db\",\"password\":\"hunter2\"}}");
      assertFalse(masked.contains("s3cr3t"), masked);
      assertFalse(masked.contains("hunter2"), masked);
      assertTrue(masked.contains("\"name\":\"pg\""), masked);
    }
  }

  private static AirbyteClient clientFor(FakeAirbyte fake, ManualClock clock, TokenStore store) {
    return AirbyteClient.fromEnv(fake.env()).toBuilder().clock(clock).sleeper(clock::sleep).tokenStore(store).build();
  }
}
