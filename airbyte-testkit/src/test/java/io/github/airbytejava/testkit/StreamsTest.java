package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.arr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamsTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private Http http;
  private String workspaceId;

  @BeforeEach
  void login() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
    workspaceId = airbyte.fake().defaultWorkspaceId().toString();
  }

  @Test
  void aFakerSourceHasFakersStreamsWithSourceDefinedCursorAndKey() {
    String sourceId = http.createSource(workspaceId, "Faker");
    JsonArray streams = http.get("/streams?sourceId=" + sourceId).element().getAsJsonArray();
    assertEquals(3, streams.size());
    JsonObject users = streams.get(0).getAsJsonObject();
    assertEquals("users", users.get("streamName").getAsString());
    assertEquals(arr("updated_at"), users.get("defaultCursorField"));
    assertTrue(users.get("sourceDefinedCursorField").getAsBoolean());
    assertEquals(arr(arr("id")), users.get("sourceDefinedPrimaryKey"));
    JsonArray fields = users.getAsJsonArray("propertyFields");
    assertTrue(fields.contains(arr("address")) && fields.contains(arr("address", "city")), fields::toString);
    // Without a destination the server cannot combine sync modes, and leaves them out.
    assertFalse(users.has("syncModes"));
    assertFalse(users.has("streamnamespace"));
  }

  @Test
  void withADestinationEachStreamSaysWhichSyncModesItOffers() {
    String sourceId = http.createSource(workspaceId, "Faker");
    String destinationId = http.createDestination(workspaceId, "Nowhere");
    JsonObject users = http.get("/streams?sourceId=" + sourceId + "&destinationId=" + destinationId).element()
        .getAsJsonArray().get(0).getAsJsonObject();
    assertEquals(arr("full_refresh_append", "full_refresh_overwrite", "incremental_append",
        "incremental_deduped_history"), users.get("syncModes"));
  }

  @Test
  void testsSetTheStreamsOfOneSourceOrOfEverySourceOfADefinition() {
    String sourceId = http.createSource(workspaceId, "Faker");
    FakeStream accounts = FakeStream.builder("accounts").namespace("crm")
        .syncModes(FakeStream.SyncMode.INCREMENTAL)
        .fields("id", "name").defaultCursorField("modified").sourceDefinedPrimaryKey(List.of("id"))
        .build();
    airbyte.fake().setStreams(UUID.fromString(sourceId), List.of(accounts));
    JsonArray streams = http.get("/streams?sourceId=" + sourceId + "&destinationId="
        + http.createDestination(workspaceId, "d")).element().getAsJsonArray();
    assertEquals(1, streams.size());
    JsonObject stream = streams.get(0).getAsJsonObject();
    assertEquals("accounts", stream.get("streamName").getAsString());
    assertEquals("crm", stream.get("streamnamespace").getAsString());
    assertEquals(arr("incremental_append", "incremental_deduped_history"), stream.get("syncModes"));
    assertFalse(stream.get("sourceDefinedCursorField").getAsBoolean());
    assertEquals(arr(arr("id"), arr("name"), arr("modified")), stream.get("propertyFields"));

    String fakerDefinition = "dfd88b22-b603-4c3d-aad7-3701784586b1";
    airbyte.fake().setDefaultStreams(UUID.fromString(fakerDefinition), List.of(FakeStream.builder("only").build()));
    String other = http.createSource(workspaceId, "Faker 2");
    assertEquals("only", http.get("/streams?sourceId=" + other).element().getAsJsonArray().get(0)
        .getAsJsonObject().get("streamName").getAsString());
    // A source's own streams win over its definition's.
    assertEquals("accounts", http.get("/streams?sourceId=" + sourceId).element().getAsJsonArray().get(0)
        .getAsJsonObject().get("streamName").getAsString());

    assertThrows(IllegalArgumentException.class,
        () -> airbyte.fake().setStreams(UUID.randomUUID(), List.of(accounts)));
  }

  @Test
  void unknownSourcesAndDestinationsGet404() {
    assertEquals(404, http.get("/streams?sourceId=" + UUID.randomUUID()).status());
    String sourceId = http.createSource(workspaceId, "Faker");
    assertEquals(404, http.get("/streams?sourceId=" + sourceId + "&destinationId=" + UUID.randomUUID()).status());
  }

  @Test
  void aStreamBuilderRefusesWhatDiscoveryCannotReport() {
    assertThrows(IllegalArgumentException.class, () -> FakeStream.builder(" "));
    assertThrows(IllegalStateException.class, () -> FakeStream.builder("s").sourceDefinedCursor(true).build());
    assertThrows(IllegalArgumentException.class, () -> FakeStream.builder("s").field());
  }
}
