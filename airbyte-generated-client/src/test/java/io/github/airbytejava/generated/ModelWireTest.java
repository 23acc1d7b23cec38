package io.github.airbytejava.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.airbytejava.generated.api.ConnectionsApi;
import io.github.airbytejava.generated.api.JobsApi;
import io.github.airbytejava.generated.api.SourcesApi;
import io.github.airbytejava.generated.api.StreamsApi;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.invoker.JsonShapeException;
import io.github.airbytejava.generated.model.ConnectionPatchRequest;
import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.ConnectionSyncModeEnum;
import io.github.airbytejava.generated.model.InitiateOauthRequest;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobTypeResourceLimit;
import io.github.airbytejava.generated.model.ScopedResourceRequirements;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.generated.model.SourcesResponse;
import io.github.airbytejava.generated.model.StreamConfiguration;
import io.github.airbytejava.generated.model.StreamProperties;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the generated models read and write on the wire, through real calls of the generated APIs against a
 * loopback server: explicit nulls, enum values the client does not know, closed schemas, typed job times, parse
 * errors.
 */
class ModelWireTest {
  private static final UUID CONNECTION_ID = UUID.fromString("e735894a-e773-4938-969f-45f53957b75b");
  private static final UUID SOURCE_ID = UUID.fromString("0c31738c-0b2d-4887-b506-e2cd1c39cc35");

  private MockWebServer server;
  private PlainTransport transport;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start();
    transport = new PlainTransport(server.url("/v1"));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private void respond(String json) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
  }

  private JsonObject sentBody() throws InterruptedException {
    RecordedRequest request = server.takeRequest();
    return JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
  }

  // ------------------------------------------------------------------------------------------------ explicit null

  @Test
  void aSetterCalledWithNullSendsNullAndAPropertyNeverSetIsLeftOut() throws Exception {
    respond("{\"connectionId\":\"" + CONNECTION_ID + "\"}");

    new ConnectionsApi(transport).patchConnection(CONNECTION_ID,
        new ConnectionPatchRequest().name("renamed").namespaceFormat(null).tags(null)).execute();

    JsonObject sent = sentBody();
    assertEquals("renamed", sent.get("name").getAsString());
    assertTrue(sent.get("namespaceFormat").isJsonNull(), sent.toString());
    assertTrue(sent.get("tags").isJsonNull(), sent.toString());
    assertEquals(3, sent.size(), "prefix, schedule, status and the rest were never set: " + sent);
  }

  @Test
  void aValueSetAfterNullIsSentAsThatValue() throws Exception {
    respond("{\"connectionId\":\"" + CONNECTION_ID + "\"}");
    ConnectionPatchRequest patch = new ConnectionPatchRequest().prefix(null);
    patch.setPrefix("raw_");

    new ConnectionsApi(transport).patchConnection(CONNECTION_ID, patch).execute();

    assertEquals("{\"prefix\":\"raw_\"}", sentBody().toString());
  }

  @Test
  void aNullReadFromTheServerIsNotSentBack() throws Exception {
    ConnectionResponse read = JSON.getGson().fromJson("{\"connectionId\":\"" + CONNECTION_ID
        + "\",\"namespaceFormat\":null,\"schedule\":null}", ConnectionResponse.class);

    JsonObject written = JsonParser.parseString(read.toJson()).getAsJsonObject();

    assertFalse(written.has("namespaceFormat"), written.toString());
    assertFalse(written.has("schedule"), written.toString());
  }

  // ----------------------------------------------------------------------------------------- unknown enum values

  @Test
  void anEnumValueTheCallerSetsAfterReadingAnUnknownOneIsTheValueThatGoesOut() throws Exception {
    respond("{\"connectionId\":\"" + CONNECTION_ID + "\",\"configurations\":{\"streams\":["
        + "{\"name\":\"users\",\"syncMode\":\"incremental_new_mode\"},"
        + "{\"name\":\"orders\",\"syncMode\":\"incremental_new_mode\"}]}}");
    ConnectionsApi connections = new ConnectionsApi(transport);
    ConnectionResponse connection = connections.getConnection(CONNECTION_ID).execute();
    StreamConfiguration users = connection.getConfigurations().getStreams().get(0);
    assertEquals(ConnectionSyncModeEnum.UNKNOWN_DEFAULT_OPEN_API, users.getSyncMode());
    assertEquals("incremental_new_mode", users.getAdditionalProperty("syncMode"));

    users.setSyncMode(ConnectionSyncModeEnum.FULL_REFRESH_OVERWRITE);
    respond("{\"connectionId\":\"" + CONNECTION_ID + "\"}");
    connections.patchConnection(CONNECTION_ID, new ConnectionPatchRequest().configurations(connection.getConfigurations()))
        .execute();

    server.takeRequest();
    JsonObject sent = sentBody();
    String streams = sent.getAsJsonObject("configurations").get("streams").toString();
    assertEquals("[{\"name\":\"users\",\"syncMode\":\"full_refresh_overwrite\"},"
        + "{\"name\":\"orders\",\"syncMode\":\"incremental_new_mode\"}]", streams);
  }

  @Test
  void unknownEnumValuesInsideAListAreKeptAndWrittenBack() throws Exception {
    respond("[{\"streamName\":\"users\",\"streamnamespace\":\"public\","
        + "\"syncModes\":[\"full_refresh_overwrite\",\"incremental_new_mode\",\"incremental_append\"]}]");

    StreamProperties users = new StreamsApi(transport).getStreamProperties(SOURCE_ID).execute().get(0);

    assertEquals(Arrays.asList(ConnectionSyncModeEnum.FULL_REFRESH_OVERWRITE,
        ConnectionSyncModeEnum.UNKNOWN_DEFAULT_OPEN_API, ConnectionSyncModeEnum.INCREMENTAL_APPEND), users.getSyncModes());
    assertEquals(List.of("full_refresh_overwrite", "incremental_new_mode", "incremental_append"),
        users.getAdditionalProperty("syncModes"));
    assertEquals("public", users.getStreamNamespace());

    users.addSyncModesItem(ConnectionSyncModeEnum.INCREMENTAL_UPDATE);
    assertEquals("{\"streamName\":\"users\",\"syncModes\":[\"full_refresh_overwrite\",\"incremental_new_mode\","
        + "\"incremental_append\",\"incremental_update\"],\"streamnamespace\":\"public\"}", users.toJson());
  }

  // ---------------------------------------------------------------------------------------------- closed schemas

  @Test
  void aNewFieldUnderResourceAllocationDoesNotBreakASourceListingAndIsSentBack() throws Exception {
    respond("{\"data\":[{\"sourceId\":\"" + SOURCE_ID + "\",\"name\":\"pg\",\"resourceAllocation\":{"
        + "\"default\":{\"cpu_limit\":\"2\",\"gpu_limit\":\"1\"},"
        + "\"jobSpecific\":[{\"jobType\":\"sync\",\"resourceRequirements\":{\"memory_limit\":\"2Gi\"},\"priority\":5}],"
        + "\"burstable\":true}}],\"next\":\"\",\"previous\":\"\"}");
    SourcesApi sources = new SourcesApi(transport);

    SourceResponse source = sources.listSources().limit(100).execute().getData().get(0);

    ScopedResourceRequirements allocation = source.getResourceAllocation();
    assertEquals(true, allocation.getAdditionalProperty("burstable"));
    assertEquals("2", allocation.getDefault().getCpuLimit());
    assertEquals("1", allocation.getDefault().getAdditionalProperty("gpu_limit"));
    JobTypeResourceLimit sync = allocation.getJobSpecific().get(0);
    assertEquals(5L, sync.getAdditionalProperty("priority"));

    respond("{\"sourceId\":\"" + SOURCE_ID + "\"}");
    sources.patchSource(SOURCE_ID, new SourcePatchRequest().resourceAllocation(allocation)).execute();
    server.takeRequest();
    assertEquals("{\"default\":{\"cpu_limit\":\"2\",\"gpu_limit\":\"1\"},\"jobSpecific\":[{\"jobType\":\"sync\","
        + "\"resourceRequirements\":{\"memory_limit\":\"2Gi\"},\"priority\":5}],\"burstable\":true}",
        sentBody().get("resourceAllocation").toString());
  }

  // ------------------------------------------------------------------------------------------------- parse errors

  @Test
  void aValueOfTheWrongKindFailsNamingItsPathWithoutQuotingTheBody() {
    String source = "{\"sourceId\":\"" + SOURCE_ID + "\",\"name\":\"pg\",\"configuration\":{\"password\":\"hunter2\"},"
        + "\"createdAt\":1717969830000}";
    String body = "{\"data\":[" + source + "," + source + "," + source + ","
        + source.replace("1717969830000", "\"s3cr3t-value\"") + "]}";

    JsonShapeException e = assertThrows(JsonShapeException.class,
        () -> JSON.getGson().fromJson(body, SourcesResponse.class));

    assertEquals("$.data[3].createdAt", e.getPath());
    assertEquals("expected an integer (64-bit) at $.data[3].createdAt, found a value that is not one", e.getMessage());
  }

  @Test
  void eachKindOfWrongValueNamesItsPathAndNeverTheValue() {
    Map<String, String> bodies = Map.of(
        "{\"sourceId\":12345}", "expected a UUID at $.sourceId, found a number",
        "{\"sourceId\":\"not-a-uuid-hunter2\"}", "expected a UUID at $.sourceId, found a string that is not one",
        "{\"name\":{\"password\":\"hunter2\"}}", "expected a string at $.name, found an object",
        "{\"configuration\":\"hunter2\"}", "expected an object at $.configuration, found a string",
        "{\"resourceAllocation\":[\"hunter2\"]}",
        "expected an object for ScopedResourceRequirements at $.resourceAllocation, found an array",
        "{\"resourceAllocation\":{\"jobSpecific\":{\"hunter2\":1}}}",
        "expected an array at $.resourceAllocation.jobSpecific, found an object");
    bodies.forEach((body, message) -> {
      JsonShapeException e = assertThrows(JsonShapeException.class,
          () -> JSON.getGson().fromJson(body, SourceResponse.class), body);
      assertEquals(message, e.getMessage(), body);
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    });
  }

  // ---------------------------------------------------------------------------------------------------- job times

  @Test
  void jobTimesAndDurationReadAsJavaTimeWithTheServersStringsKept() throws Exception {
    // Airbyte writes OffsetDateTime.toString(): no seconds when they are zero.
    respond("{\"jobId\":7,\"status\":\"succeeded\",\"jobType\":\"sync\",\"startTime\":\"2026-11-28T10:00Z\","
        + "\"lastUpdatedAt\":\"2026-11-28T18:06:12.5Z\",\"duration\":\"PT8H6M12S\"}");

    JobResponse job = new JobsApi(transport).getJob(7L).execute();

    assertEquals(OffsetDateTime.of(2026, 11, 28, 10, 0, 0, 0, ZoneOffset.UTC), job.getStartTimeAsOffsetDateTime());
    assertEquals(OffsetDateTime.of(2026, 11, 28, 18, 6, 12, 500_000_000, ZoneOffset.UTC),
        job.getLastUpdatedAtAsOffsetDateTime());
    assertEquals(Duration.ofHours(8).plusMinutes(6).plusSeconds(12), job.getDurationAsDuration());
    assertEquals("2026-11-28T10:00Z", job.getStartTime());
    assertEquals("PT8H6M12S", job.getDuration());
  }

  @Test
  void aJobTimeThatDoesNotParseDoesNotBreakReadingTheJob() throws Exception {
    respond("{\"jobId\":7,\"status\":\"running\",\"jobType\":\"sync\",\"startTime\":\"yesterday at noon\","
        + "\"duration\":\"8 hours\"}");

    JobResponse job = new JobsApi(transport).getJob(7L).execute();

    assertEquals(7L, job.getJobId());
    assertNull(job.getStartTimeAsOffsetDateTime());
    assertNull(job.getDurationAsDuration());
    assertNull(job.getLastUpdatedAtAsOffsetDateTime());
    assertEquals("yesterday at noon", job.getStartTime());
  }

  // ------------------------------------------------------------------------------------------------------- names

  @Test
  void javaNamesReadAsJavaUsersExpectWhileTheWireNamesStay() {
    InitiateOauthRequest request = new InitiateOauthRequest().sourceType("github")
        .oauthInputConfiguration(Map.of("scope", "repo"));

    assertEquals("{\"sourceType\":\"github\",\"oAuthInputConfiguration\":{\"scope\":\"repo\"}}", request.toJson());
    assertEquals("public", new StreamProperties().streamNamespace("public").getStreamNamespace());
  }

  // ------------------------------------------------------------------------------------------- template limits

  @Test
  void everyAccessorSaysWhatItsValueIs() throws IOException {
    // pojo.mustache writes "The {@code name} property." only where the spec describes nothing.
    Path models = Path.of("target/generated-sources/openapi/src/main/java/io/github/airbytejava/generated/model");
    List<String> undescribed = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(models)) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        for (String line : Files.readAllLines(file)) {
          if (line.matches("\\s*\\* The \\{@code [\\w-]+\\} property\\.")) undescribed.add(file.getFileName() + ": " + line.trim());
        }
      }
    }
    assertTrue(undescribed.isEmpty(), "accessors without a description in the spec (give each of these properties a"
        + " description: in api-spec/src/main/openapi/airbyte-api.yaml): " + undescribed);
  }

  @Test
  void everyModelFitsTheExplicitNullBits() throws IOException, URISyntaxException, ClassNotFoundException {
    // nullsToSend is a long with one bit per property, bits 1 to 63.
    String models = "io.github.airbytejava.generated.model";
    URL dir = ModelWireTest.class.getClassLoader().getResource(models.replace('.', '/'));
    List<String> tooLarge;
    int checked = 0;
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      List<String> names = files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$")).collect(Collectors.toList());
      tooLarge = new java.util.ArrayList<>();
      for (String name : names) {
        Class<?> model = Class.forName(models + "." + name.replace(".class", ""));
        long properties = Arrays.stream(model.getDeclaredFields()).map(Field::getName)
            .filter(n -> n.startsWith("SERIALIZED_NAME_")).count();
        if (properties > 63) tooLarge.add(name + ": " + properties);
        checked++;
      }
    }
    assertTrue(checked > 100, "models checked: " + checked);
    assertTrue(tooLarge.isEmpty(), "models with more than 63 properties: " + tooLarge);
  }
}
