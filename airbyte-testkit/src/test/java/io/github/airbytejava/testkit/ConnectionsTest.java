package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.arr;
import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the server fills in and checks on connections: defaults, Quartz crons, stream configurations. */
class ConnectionsTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private Http http;
  private String sourceId;
  private String destinationId;

  @BeforeEach
  void sourceAndDestination() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
    String workspaceId = airbyte.fake().defaultWorkspaceId().toString();
    sourceId = http.createSource(workspaceId, "Faker");
    destinationId = http.createDestination(workspaceId, "Nowhere");
  }

  private Http.Res create(Object... fields) {
    JsonObject body = obj(fields);
    body.addProperty("sourceId", sourceId);
    body.addProperty("destinationId", destinationId);
    return http.post("/connections", body);
  }

  private JsonObject created(Object... fields) {
    Http.Res res = create(fields);
    assertEquals(200, res.status(), res::text);
    return res.json();
  }

  /** A request the server refuses: 400 with its message; the spec would accept the request as such. */
  private String refused(Http.Res res) {
    assertEquals(400, res.status(), res::text);
    return res.json().getAsJsonObject("data").get("message").getAsString();
  }

  @Test
  void whatACreateLeavesOutGetsTheServersDefaults() {
    JsonObject connection = created();
    assertEquals("Faker → Nowhere", connection.get("name").getAsString());
    assertEquals("active", connection.get("status").getAsString());
    assertEquals(obj("scheduleType", "manual"), connection.get("schedule"));
    assertEquals("destination", connection.get("namespaceDefinition").getAsString());
    assertEquals("", connection.get("prefix").getAsString());
    assertEquals("ignore", connection.get("nonBreakingSchemaUpdatesBehavior").getAsString());
    assertEquals(arr(), connection.get("tags"));
    // Every stream of the source, full refresh overwrite, with the source's cursor and key.
    JsonArray streams = connection.getAsJsonObject("configurations").getAsJsonArray("streams");
    assertEquals(3, streams.size());
    assertEquals(obj("name", "users", "syncMode", "full_refresh_overwrite", "cursorField", arr("updated_at"),
        "primaryKey", arr(arr("id"))), streams.get(0));
  }

  @Test
  void aCronScheduleIsAnsweredWithUtcAppendedAndMaySendItBack() {
    JsonObject connection = created("schedule", obj("scheduleType", "cron", "cronExpression", "0 0 6 * * ?"));
    assertEquals(obj("scheduleType", "cron", "cronExpression", "0 0 6 * * ? UTC"), connection.get("schedule"));
    // What a read answered, sent back unchanged, is the same schedule (the server takes a trailing UTC off).
    String id = connection.get("connectionId").getAsString();
    JsonObject patched = http.patch("/connections/" + id, obj("schedule", connection.get("schedule"))).json();
    assertEquals("0 0 6 * * ? UTC", patched.getAsJsonObject("schedule").get("cronExpression").getAsString());
    JsonObject manual = http.patch("/connections/" + id, obj("schedule", obj("scheduleType", "manual"))).json();
    assertEquals(obj("scheduleType", "manual"), manual.get("schedule"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 6 * * ?", "0 15 10 ? * MON-FRI", "0 0 12 1/5 * ?", "0 0 0 L * ?", "0 0 1 ? * 6#3",
      "0 0 2 15W * ?", "0 30 8 ? * 2L", "0 0 0 1 JAN ? 2030", "0 0/30 * * * ?", "00 0 6 * * ? UTC"})
  void quartzExpressionsTheServerAccepts(String cron) {
    created("schedule", obj("scheduleType", "cron", "cronExpression", cron));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 6 * * *", "0 0 6 * * * *", "0 0 6 * * MON", "0 0 6 ? * ?", "0 0 24 * * ?",
      "0 60 6 * * ?", "0 0 6 32 * ?", "0 0 6 ? * 8", "0 0 6 * FOO ?", "x 0 6 * * ?", "0 0 6 * * ? 1969", ""})
  void quartzExpressionsTheServerRejects(String cron) {
    String message = refused(create("schedule", obj("scheduleType", "cron", "cronExpression", cron)));
    assertTrue(message.startsWith("The cron expression " + cron + " is not valid"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"* 0 6 * * ?", "0/10 0 6 * * ?", "0,30 0 6 * * ?", "0 * 6 * * ? 2030"})
  void schedulesMoreFrequentThanTheServerAllowsAreRejected(String cron) {
    String message = refused(create("schedule", obj("scheduleType", "cron", "cronExpression", cron)));
    assertTrue(message.contains("less than the one hour minimum"), message);
  }

  @Test
  void aCronScheduleNeedsItsExpression() {
    assertEquals("Missing cron expression in the schedule.",
        refused(create("schedule", obj("scheduleType", "cron"))));
  }

  @Test
  void selectedStreamsAreCheckedAndCompletedFromTheCatalog() {
    JsonObject connection = created("configurations", obj("streams", arr(
        obj("name", "users", "syncMode", "incremental_deduped_history"),
        obj("name", "purchases", "syncMode", "full_refresh_append"))));
    JsonArray streams = connection.getAsJsonObject("configurations").getAsJsonArray("streams");
    assertEquals(2, streams.size());
    assertEquals(obj("name", "users", "syncMode", "incremental_deduped_history", "cursorField", arr("updated_at"),
        "primaryKey", arr(arr("id"))), streams.get(0));

    // A PATCH without configurations keeps the selection.
    String id = connection.get("connectionId").getAsString();
    JsonObject renamed = http.patch("/connections/" + id, obj("name", "renamed")).json();
    assertEquals(streams, renamed.getAsJsonObject("configurations").getAsJsonArray("streams"));
    JsonObject reselected = http.patch("/connections/" + id,
        obj("configurations", obj("streams", arr(obj("name", "products"))))).json();
    assertEquals(1, reselected.getAsJsonObject("configurations").getAsJsonArray("streams").size());
  }

  @Test
  void aCursorAndKeyChosenByTheConnectionAreKeptWhereTheSourceDefinesNone() {
    FakeStream events = FakeStream.builder("events").namespace("app")
        .syncModes(FakeStream.SyncMode.FULL_REFRESH, FakeStream.SyncMode.INCREMENTAL)
        .fields("id", "tenant", "at").field("meta", "seq").build();
    airbyte.fake().setStreams(UUID.fromString(sourceId), List.of(events));
    JsonObject stream = created("configurations", obj("streams", arr(obj("name", "events", "syncMode",
        "incremental_deduped_history", "cursorField", arr("meta", "seq"), "primaryKey", arr(arr("id"),
            arr("tenant")))))).getAsJsonObject("configurations").getAsJsonArray("streams").get(0).getAsJsonObject();
    assertEquals("app", stream.get("namespace").getAsString());
    assertEquals(arr("meta", "seq"), stream.get("cursorField"));
    assertEquals(arr(arr("id"), arr("tenant")), stream.get("primaryKey"));

    assertTrue(refused(create("configurations", obj("streams", arr(obj("name", "events", "syncMode",
        "incremental_append"))))).startsWith("No default cursor field for stream: events"));
    assertTrue(refused(create("configurations", obj("streams", arr(obj("name", "events", "syncMode",
        "incremental_append", "cursorField", arr("nope")))))).startsWith("Invalid cursor field for stream: events"));
    assertTrue(refused(create("configurations", obj("streams", arr(obj("name", "events", "syncMode",
        "incremental_deduped_history", "cursorField", arr("at")))))).startsWith("No default primary key"));
  }

  @Test
  void streamsTheSourceDoesNotHaveOrModesItCannotDoAreRejected() {
    assertTrue(refused(create("configurations", obj("streams", arr(obj("name", "nope")))))
        .startsWith("No streams found with name [nope]"));
    assertTrue(refused(create("configurations", obj("streams", arr(obj("name", "users"), obj("name", "users")))))
        .startsWith("Duplicate stream found"));
    assertTrue(refused(create("configurations", obj("streams", arr(obj("name", "users", "syncMode",
        "full_refresh_update"))))).startsWith("Cannot set sync mode to full_refresh_update for stream users"));
    assertTrue(refused(create("configurations", obj("streams", arr(obj("name", "users", "syncMode",
        "incremental_append", "cursorField", arr("id")))))).startsWith("Cursor Field [id] is already defined"));
    assertTrue(refused(create("configurations", obj("streams", arr(obj("name", "users", "syncMode",
        "incremental_deduped_history", "primaryKey", arr(arr("email")))))))
        .startsWith("Primary key for stream: users is already pre-defined"));
    assertTrue(refused(create("configurations", obj("streams", arr(obj("name", "users",
        "selectedFields", arr(obj("fieldPath", arr("address", "city")))))))).startsWith("Nested field selection"));
  }

  @Test
  void aBasicScheduleComesOnlyFromTheUi() {
    String id = created().get("connectionId").getAsString();
    airbyte.fake().setBasicSchedule(UUID.fromString(id), 24, ChronoUnit.HOURS);
    assertEquals(obj("scheduleType", "basic", "basicTiming", "Every 24 HOURS"),
        http.get("/connections/" + id).json().get("schedule"));
    assertFalse(http.get("/connections").json().getAsJsonArray("data").isEmpty());
  }
}
