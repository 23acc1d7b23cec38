package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.model.SourceCreateRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client logs through SLF4J, with its secrets masked. */
class LoggingTest extends FacadeTestSupport {
  private static final UUID POSTGRES = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
  private static final UUID WORKSPACE = UUID.fromString("0c5d2a4e-7b1f-4a55-9a0e-2f1d3c4b5a69");

  @BeforeEach
  void clearLog() {
    RecordingSlf4j.clear();
  }

  private static String http() {
    return RecordingSlf4j.events("io.github.airbytejava.http").stream().map(RecordingSlf4j.Event::text)
        .collect(Collectors.joining("\n"));
  }

  private void createSource(AirbyteClient client) {
    routes.on("POST /v1/sources", json(200, "{\"sourceId\":\"" + CONNECTION + "\",\"name\":\"pg\",\"definitionId\":\""
        + POSTGRES + "\",\"configuration\":{\"host\":\"db.internal\",\"password\":\"**********\"}}"));
    client.sources().createSource(new SourceCreateRequest().name("pg").workspaceId(WORKSPACE).definitionId(POSTGRES)
        .configuration(Map.of("host", "db.internal", "password", "hunter22"))).execute();
  }

  @Test
  void theSecretFieldsOfTheBuilderDecideWhatAConfigurationShows() {
    SecretFields postgres = (actorType, connector, path) ->
        !(actorType.equals("source") && connector.equals(POSTGRES.toString()) && path.equals(List.of("host")));
    createSource(track(builder().logLevel(AirbyteClient.LogLevel.BODY).secretFields(postgres).build()));

    String logged = http();
    assertFalse(logged.contains("hunter22"), logged);
    assertTrue(logged.contains("\"host\":\"db.internal\""), logged);
    assertTrue(logged.contains("\"password\":\"██\""), logged);
  }

  @Test
  void byDefaultNoConfigurationValueIsLogged() {
    createSource(track(builder().logLevel(AirbyteClient.LogLevel.BODY).build()));

    String logged = http();
    assertFalse(logged.contains("db.internal") || logged.contains("hunter22"), logged);
    assertEquals(2, RecordingSlf4j.events("io.github.airbytejava.http").size(), "one event per request and response");
  }

  @Test
  void withoutALogLevelNothingIsLogged() {
    createSource(client());
    assertEquals("", http());
  }

  @Test
  void basicLogsTheLinesOnly() {
    createSource(track(builder().logLevel(AirbyteClient.LogLevel.BASIC).build()));

    List<String> lines = RecordingSlf4j.events("io.github.airbytejava.http").stream().map(RecordingSlf4j.Event::text)
        .toList();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("--> POST http://.*/v1/sources \\(\\d+-byte body\\)"), lines.get(0));
    assertTrue(lines.get(1).matches("<-- 200 OK http://.*/v1/sources \\(\\d+ ms\\)"), lines.get(1));
  }

  /** A page of sources whose configurations hold a value under a key that does not look secret. */
  static String sourcesPage(int sources) {
    StringBuilder page = new StringBuilder("{\"data\":[");
    for (int i = 0; i < sources; i++) {
      if (i > 0) page.append(',');
      page.append("{\"sourceId\":\"").append(UUID.nameUUIDFromBytes(("s" + i).getBytes())).append("\",\"name\":\"s")
          .append(i).append("\",\"sourceType\":\"azure-blob-storage\",\"definitionId\":\"").append(POSTGRES)
          .append("\",\"workspaceId\":\"").append(WORKSPACE).append("\",\"configuration\":{\"azure_blob_storage_"
          + "account_key\":\"k3y-").append(i).append("-sEcReT\",\"streams\":[{\"name\":\"").append("x".repeat(200))
          .append("\"}]}}");
    }
    return page.append("],\"next\":\"\"}").toString();
  }

  @Test
  void aBodyCutShortForTheLogStillHasItsConfigurationsMasked() {
    String page = sourcesPage(400);
    assertTrue(page.length() > 64 * 1024, "longer than the logged part");
    routes.on("GET /v1/sources", json(200, page));
    track(builder().logLevel(AirbyteClient.LogLevel.BODY).build()).sources().listSources().execute();

    String logged = http();
    assertTrue(logged.contains("\"name\":\"s0\""), logged.substring(0, Math.min(2000, logged.length())));
    assertFalse(logged.contains("sEcReT"), "a configuration value was logged");
    assertTrue(logged.contains("…"), "the cut is marked");
  }

  @Test
  void theAuthorizationCodeOfAnOAuthCallbackIsNotLogged() {
    routes.on("GET /v1/oauth/callback", json(200, "{}"));
    track(builder().logLevel(AirbyteClient.LogLevel.BASIC).build()).oauth().oauthCallback()
        .queryParams(Map.of("code", "4/0AeanS-auth-code", "state", "s-1")).execute();

    String log = http();
    assertFalse(log.contains("4/0AeanS") || log.contains("auth-code"), log);
    assertTrue(log.contains("state=s-1"), log);
  }

  @Test
  void theKeyOfAnEncryptionMapperIsNotLogged() {
    routes.on("POST /v1/connections", json(200, "{\"connectionId\":\"" + CONNECTION + "\"}"));
    track(builder().logLevel(AirbyteClient.LogLevel.BODY).build()).connections().createConnection(
        new io.github.airbytejava.generated.model.ConnectionCreateRequest().name("orders")
            .sourceId(CONNECTION).destinationId(CONNECTION)
            .configurations(new io.github.airbytejava.generated.model.StreamConfigurations().streams(List.of(
                new io.github.airbytejava.generated.model.StreamConfiguration().name("orders").mappers(List.of(
                    new io.github.airbytejava.generated.model.ConfiguredStreamMapper()
                        .type(io.github.airbytejava.generated.model.StreamMapperType.ENCRYPTION)
                        .mapperConfiguration(Map.of("algorithm", "AES", "mode", "CBC", "padding", "PKCS5Padding",
                            "targetField", "email", "key", "aes-k3y-0f-the-mapper"))))
                    .primaryKey(List.of(List.of("id"))))))).execute();

    String logged = http();
    assertFalse(logged.contains("aes-k3y-0f-the-mapper"), logged);
    assertTrue(logged.contains("\"targetField\":\"email\""), logged);
    assertTrue(logged.contains("\"primaryKey\":[[\"id\"]]"), "a primary key is no secret: " + logged);
  }
}
