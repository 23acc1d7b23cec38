package io.github.airbytejava.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.connectors.destinations.DestinationDevNull;
import io.github.airbytejava.connectors.sources.SourceFaker;
import io.github.airbytejava.connectors.sources.SourceGithub;
import io.github.airbytejava.connectors.sources.SourcePostgres;
import io.github.airbytejava.generated.model.DestinationResponse;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
  static final UUID POSTGRES = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
  static final UUID GITHUB = UUID.fromString("ef69ef6e-aa7f-4af1-a01d-ef775033524e");
  static final UUID WORKSPACE = UUID.fromString("11111111-2222-3333-4444-555555555555");

  static SourcePostgres postgres() {
    return SourcePostgres.builder()
        .host("db.internal").port(5432).database("app").username("airbyte").password("pg-secret-1")
        .sslMode(SourcePostgres.SslMode.verifyCa().caCertificate("-----BEGIN CERT-----").build())
        .tunnelMethod(SourcePostgres.TunnelMethod.sshKeyAuth().tunnelHost("bastion").tunnelPort(22)
            .tunnelUser("me").sshKey("-----BEGIN RSA PRIVATE KEY-----").build())
        .build();
  }

  @Test
  void aBuiltConfigurationIsItsJson() {
    SourcePostgres pg = postgres();
    assertEquals("{\"host\":\"db.internal\",\"port\":5432,\"database\":\"app\",\"username\":\"airbyte\","
        + "\"password\":\"pg-secret-1\",\"ssl_mode\":{\"mode\":\"verify-ca\",\"ca_certificate\":\"-----BEGIN CERT-----\"},"
        + "\"tunnel_method\":{\"tunnel_method\":\"SSH_KEY_AUTH\",\"tunnel_host\":\"bastion\",\"tunnel_port\":22,"
        + "\"tunnel_user\":\"me\",\"ssh_key\":\"-----BEGIN RSA PRIVATE KEY-----\"}}", pg.toJson());
    assertEquals(5432L, pg.port());
    SourcePostgres.SslMode.VerifyCa ssl = assertInstanceOf(SourcePostgres.SslMode.VerifyCa.class, pg.sslMode());
    assertEquals("verify-ca", ssl.mode());
    assertEquals(List.of(), pg.problems());
    assertEquals(pg, SourcePostgres.of(pg.toMap()));
    assertEquals(pg.hashCode(), SourcePostgres.of(pg.toMap()).hashCode());
  }

  @Test
  void aSecretFieldTakesAReferenceThatTheConfigurationHoldsAsItsText() {
    SourcePostgres pg = SourcePostgres.builder().host("db.internal").port(5432).database("app").username("airbyte")
        .password(() -> "${PG_PASSWORD}").build();
    assertEquals("${PG_PASSWORD}", pg.password());
    assertEquals("${PG_PASSWORD}", pg.toMap().get("password"));
    assertFalse(pg.toBuilder().password((SecretReference) null).build().toMap().containsKey("password"));
  }

  @Test
  void toStringMasksEverySecretFieldOfTheSchema() {
    String text = postgres().toString();
    assertTrue(text.startsWith("SourcePostgres{"), text);
    assertTrue(text.contains("\"host\":\"db.internal\""), text);
    for (String secret : List.of("pg-secret-1", "BEGIN CERT", "RSA PRIVATE KEY")) {
      assertFalse(text.contains(secret), text);
    }
    assertTrue(text.contains("\"password\":\"**********\""), text);
    assertFalse(postgres().sslMode().toString().contains("BEGIN CERT"));
    // A field the schema does not describe could be anything: masked too.
    assertFalse(postgres().toBuilder().put("new_token", "tok-9").build().toString().contains("tok-9"));
  }

  @Test
  void aGithubSourceReadsAsGithubByItsDefinitionId() {
    SourceResponse response = new SourceResponse().sourceId(UUID.randomUUID()).definitionId(GITHUB).sourceType("")
        .configuration(new LinkedHashMap<>(Map.of("repositories", List.of("airbytehq/airbyte"),
            "credentials", Map.of("option_title", "PAT Credentials", "personal_access_token", "**********"))));
    SourceGithub github = assertInstanceOf(SourceGithub.class, SourceConfiguration.of(response));
    assertEquals(List.of("airbytehq/airbyte"), github.repositories());
    assertSame(github.getClass(), SourceConfiguration.of(response, SourceGithub.class).getClass());

    ConnectorMismatchException wrong = assertThrows(ConnectorMismatchException.class,
        () -> SourceConfiguration.of(response, SourcePostgres.class));
    assertTrue(wrong.getMessage().contains("the source github (SourceGithub), not SourcePostgres (the source postgres)"),
        wrong.getMessage());
  }

  @Test
  void anUnknownDefinitionIdByAKnownNameReadsByTheName() {
    SourceResponse response = new SourceResponse().definitionId(UUID.randomUUID()).sourceType("postgres")
        .configuration(new LinkedHashMap<>(Map.of("host", "db")));
    assertEquals("db", SourceConfiguration.of(response, SourcePostgres.class).host());
  }

  @Test
  void anUnknownConnectorGivesARawViewThatAlwaysWorks() {
    UUID custom = UUID.randomUUID();
    SourceResponse response = new SourceResponse().sourceId(UUID.randomUUID()).definitionId(custom).sourceType("")
        .configuration(new LinkedHashMap<>());
    response.getConfiguration().put("api_url", "https://x");
    response.getConfiguration().put("nested", Map.of("key", "k-1"));
    response.getConfiguration().put("limit", 10);
    SourceConfiguration raw = SourceConfiguration.of(response);
    assertFalse(raw.isTyped());
    assertTrue(raw.connector().isEmpty());
    assertEquals(custom, raw.definitionId().orElseThrow());
    assertEquals("https://x", raw.get("api_url"));
    assertEquals(10L, raw.get("limit"));
    assertEquals(Map.of("key", "k-1"), raw.get("nested"));
    assertEquals(List.of(), raw.problems());
    // Nothing says which fields are secret: all values are masked.
    assertEquals("Raw{\"api_url\":\"**********\",\"nested\":{\"key\":\"**********\"},\"limit\":\"**********\"}",
        raw.toString());
    SourceCreateRequest request = raw.createRequest(WORKSPACE, "custom");
    assertEquals(custom, request.getDefinitionId());

    ConnectorMismatchException e = assertThrows(ConnectorMismatchException.class,
        () -> SourceConfiguration.of(response, SourcePostgres.class));
    assertTrue(e.getMessage().contains("a connector this module does not know (definition id " + custom), e.getMessage());
    // A known connector can always be read raw, too.
    SourceConfiguration rawPostgres = SourceConfiguration.raw(new SourceResponse().definitionId(POSTGRES)
        .configuration(postgres().toMap()));
    assertFalse(rawPostgres.isTyped());
    assertEquals("db.internal", rawPostgres.get("host"));
    assertFalse(rawPostgres.toString().contains("pg-secret-1"));
  }

  @Test
  void aDestinationOfTheWrongActorTypeIsNotTyped() {
    DestinationResponse response = new DestinationResponse().definitionId(POSTGRES).destinationType("")
        .configuration(new LinkedHashMap<>());
    assertFalse(DestinationConfiguration.of(response).isTyped());
  }

  @Test
  void validationListsEveryProblemWithItsPathAndNeverAValue() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("host", "db");
    config.put("port", 70000);
    config.put("password", 12345);
    config.put("ssl_mode", Map.of("mode", "sometimes"));
    config.put("replication_method", Map.of("method", "CDC"));
    config.put("tunnel_method", Map.of("tunnel_method", "SSH_KEY_AUTH", "tunnel_host", "h", "tunnel_port", "22"));
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> Connectors.source("postgres").validate(config));
    assertEquals(List.of(
        "database: is required",
        "username: is required",
        "port: must be at most 65536",
        "password: must be a string",
        "ssl_mode: must be one of disable, allow, prefer, require, verify-ca, verify-full (in ssl_mode.mode)",
        "replication_method.replication_slot: is required",
        "replication_method.publication: is required",
        "tunnel_method.tunnel_user: is required",
        "tunnel_method.ssh_key: is required",
        "tunnel_method.tunnel_port: must be an integer"),
        e.problems().stream().map(ConfigurationProblem::toString).toList());
    assertTrue(e.getMessage().startsWith("Invalid configuration for the source postgres (10 problems):\n  database: is"),
        e.getMessage());
    assertFalse(e.getMessage().contains("12345"));
    assertEquals(Connectors.source("postgres"), e.connector().orElseThrow());
  }

  @Test
  void aMissingOneOfVariantNamesTheVariants() {
    Map<String, Object> config = new LinkedHashMap<>(postgres().toMap());
    config.put("ssl_mode", Map.of());
    assertEquals(List.of("ssl_mode: must be one of disable, allow, prefer, require, verify-ca, verify-full"),
        Connectors.source("postgres").problems(config).stream().map(ConfigurationProblem::toString).toList());
  }

  @Test
  void validationChecksEnumsPatternsClosedObjectsAndArrays() {
    Connector github = Connectors.source("github");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("credentials", Map.of("option_title", "PAT Credentials", "personal_access_token", "t"));
    config.put("repositories", List.of());
    config.put("start_date", "yesterday");
    List<String> problems = github.problems(config).stream().map(ConfigurationProblem::toString).toList();
    assertTrue(problems.contains("repositories: must have at least 1 item"), problems::toString);
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("start_date: must match ^")), problems::toString);

    // The SSL modes of the Postgres destination are closed objects.
    Map<String, Object> warehouse = new LinkedHashMap<>(Map.of("host", "h", "port", 5432, "database", "d",
        "schema", "public", "username", "u"));
    warehouse.put("ssl_mode", Map.of("mode", "disable", "extra", 1));
    assertEquals(List.of("ssl_mode.extra: is not a field of this object"), Connectors.destination("postgres")
        .problems(warehouse).stream().map(ConfigurationProblem::toString).toList());
  }

  @Test
  void theConnectorsTypeNameIsAllowedAtTheTop() {
    Map<String, Object> config = new LinkedHashMap<>(postgres().toMap());
    config.put("sourceType", "postgres");
    assertEquals(List.of(), Connectors.source("postgres").problems(config));
  }

  @Test
  void aCreateRequestCarriesTheDefinitionIdAndIsValidatedFirst() {
    SourceCreateRequest request = postgres().createRequest(WORKSPACE, "App database");
    assertEquals(POSTGRES, request.getDefinitionId());
    assertEquals(WORKSPACE, request.getWorkspaceId());
    assertEquals("App database", request.getName());
    assertEquals(postgres().toMap(), request.getConfiguration());

    SourcePostgres incomplete = SourcePostgres.builder().host("db").buildPartial();
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> incomplete.createRequest(WORKSPACE, "x"));
    assertEquals(3, e.problems().size(), e::getMessage);
    // build() refuses it already, with the same message.
    InvalidConfigurationException atBuild = assertThrows(InvalidConfigurationException.class,
        () -> SourcePostgres.builder().host("db").build());
    assertEquals(e.getMessage(), atBuild.getMessage());
    assertEquals(e.problems(), atBuild.problems());
    // Validation can be switched off.
    assertEquals(Map.of("host", "db"), incomplete.createRequest(WORKSPACE, "x", Validation.OFF).getConfiguration());
    // A PATCH needs no required fields.
    assertEquals(Map.of("host", "db"), incomplete.patchRequest().getConfiguration());
  }

  @Test
  void aMaskedSecretIsNeverSent() {
    // As read back from Airbyte: every secret masked.
    Map<String, Object> readBack = postgres().toMap();
    readBack.put("password", "**********");
    @SuppressWarnings("unchecked")
    Map<String, Object> tunnel = (Map<String, Object>) readBack.get("tunnel_method");
    tunnel.put("ssh_key", "**********");
    SourcePostgres read = SourceConfiguration.of(new SourceResponse().definitionId(POSTGRES).configuration(readBack),
        SourcePostgres.class);
    SourcePostgres changed = read.toBuilder().host("db2.internal").build();

    SourcePatchRequest patch = changed.patchRequest();
    assertEquals("db2.internal", patch.getConfiguration().get("host"));
    assertFalse(patch.getConfiguration().containsKey("password"));
    assertFalse(((Map<?, ?>) patch.getConfiguration().get("tunnel_method")).containsKey("ssh_key"));
    assertFalse(patch.getConfiguration().toString().contains("**********"));

    InvalidConfigurationException put = assertThrows(InvalidConfigurationException.class,
        () -> changed.putRequest("App database"));
    assertEquals(List.of("password", "tunnel_method.ssh_key"),
        put.problems().stream().map(ConfigurationProblem::path).toList());
    assertTrue(put.getMessage().contains("send a PATCH, which keeps the stored one"), put.getMessage());
    assertThrows(InvalidConfigurationException.class, () -> changed.createRequest(WORKSPACE, "copy", Validation.OFF));
    // With the secrets set again, a PUT goes out.
    assertEquals("pw", changed.toBuilder().password("pw").tunnelMethod(SourcePostgres.TunnelMethod.noTunnel()).build()
        .putRequest("App database").getConfiguration().get("password"));
  }

  @Test
  void aPatchNeverSendsAListWhoseItemsLostTheirSecrets() {
    // A PATCH replaces a list whole: an item sent without its masked secrets would lose them on the server.
    Map<String, Object> readBack = new LinkedHashMap<>();
    readBack.put("user_auth_key", "**********");
    readBack.put("start_date", "2024-01-01T00:00:00Z");
    readBack.put("outcome_names", "os__click.count");
    readBack.put("applications", List.of(Map.of("app_name", "web", "app_id", "**********", "app_api_key", "**********")));
    io.github.airbytejava.connectors.sources.SourceOnesignal read = SourceConfiguration.of(new SourceResponse()
        .definitionId(Connectors.source("onesignal").definitionId().orElseThrow()).configuration(readBack),
        io.github.airbytejava.connectors.sources.SourceOnesignal.class);
    io.github.airbytejava.connectors.sources.SourceOnesignal changed = read.toBuilder().startDate("2025-01-01T00:00:00Z")
        .build();

    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, changed::patchRequest);
    assertEquals(java.util.Set.of("applications[0].app_id", "applications[0].app_api_key"),
        e.problems().stream().map(ConfigurationProblem::path).collect(java.util.stream.Collectors.toSet()));
    assertTrue(e.getMessage().contains("a PATCH replaces a list whole"), e.getMessage());

    // Without the list, the stored one (and its secrets) stays; the top-level mask is left out as before.
    SourcePatchRequest patch = changed.toBuilder().remove("applications").buildPartial().patchRequest();
    assertEquals(Map.of("start_date", "2025-01-01T00:00:00Z", "outcome_names", "os__click.count"),
        patch.getConfiguration());
  }

  @Test
  void aPatchChecksTheItemsOfAListInFull() {
    // The server merges a PATCH into the stored objects, but takes a list as it comes.
    io.github.airbytejava.connectors.sources.SourceOnesignal patch = io.github.airbytejava.connectors.sources
        .SourceOnesignal.builder().applications(List.of(io.github.airbytejava.connectors.sources.SourceOnesignal
            .Application.builder().appName("web").buildPartial())).buildPartial();
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, patch::patchRequest);
    assertEquals(List.of("applications[0].app_id: is required", "applications[0].app_api_key: is required"),
        e.problems().stream().map(ConfigurationProblem::toString).toList());
    // Outside the list, required fields are still the server's to fill in.
    assertEquals(List.of(Map.of("app_id", "id", "app_api_key", "key")), patch.toBuilder().applications(List.of(
        io.github.airbytejava.connectors.sources.SourceOnesignal.Application.builder().appId("id").appApiKey("key")
            .build())).buildPartial().patchRequest().getConfiguration().get("applications"));
    // Built whole, an item missing its required fields is refused where it is built, naming the list.
    InvalidConfigurationException e2 = assertThrows(InvalidConfigurationException.class, () -> io.github.airbytejava
        .connectors.sources.SourceOnesignal.Application.builder().appName("web").build());
    assertEquals(List.of("applications[].app_id: is required", "applications[].app_api_key: is required"),
        e2.problems().stream().map(ConfigurationProblem::toString).toList());
  }

  @Test
  void enumsKeepAValueTheFactsDoNotList() {
    SourcePostgres.ReplicationMethod.Cdc cdc = SourcePostgres.ReplicationMethod.cdc().replicationSlot("s")
        .publication("p").invalidCdcCursorPositionBehavior(
            SourcePostgres.ReplicationMethod.Cdc.InvalidCdcCursorPositionBehavior.FAIL_SYNC).build();
    assertEquals("Fail sync", cdc.invalidCdcCursorPositionBehavior().value());
    assertSame(SourcePostgres.ReplicationMethod.Cdc.InvalidCdcCursorPositionBehavior.FAIL_SYNC,
        cdc.invalidCdcCursorPositionBehavior());
    SourcePostgres.ReplicationMethod.Cdc newer = cdc.toBuilder().put("invalid_cdc_cursor_position_behavior", "Pause")
        .build();
    assertFalse(newer.invalidCdcCursorPositionBehavior().isKnown());
    assertEquals("Pause", newer.invalidCdcCursorPositionBehavior().value());
    assertTrue(newer.toJson().contains("\"Pause\""));
  }

  @Test
  void anUnknownVariantIsKeptAsTheBaseClass() {
    Map<String, Object> config = new LinkedHashMap<>(postgres().toMap());
    config.put("ssl_mode", Map.of("mode", "quantum", "key", "q"));
    SourcePostgres pg = SourcePostgres.of(config);
    assertSame(SourcePostgres.SslMode.class, pg.sslMode().getClass());
    assertEquals("quantum", pg.sslMode().mode());
    assertEquals(Map.of("mode", "quantum", "key", "q"), pg.sslMode().toMap());
  }

  @Test
  void numbersStayExactAndUnknownFieldsAreKept() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("count", 9007199254740993L);
    config.put("future_field", new BigDecimal("1.50"));
    SourceFaker faker = SourceFaker.of(config);
    assertEquals(9007199254740993L, faker.count());
    assertEquals("{\"count\":9007199254740993,\"future_field\":1.50}", faker.toJson());
    assertEquals(Map.of("future_field", new BigDecimal("1.50")), faker.unknownFields());
    assertNull(faker.seed());
  }

  @Test
  void aVariantNamedByAOneValueEnumIsTypedToo() {
    DestinationDevNull devNull = DestinationDevNull.builder()
        .testDestination(DestinationDevNull.TestDestination.silent()).build();
    assertEquals("{\"test_destination\":{\"test_destination_type\":\"SILENT\"}}", devNull.toJson());
    assertInstanceOf(DestinationDevNull.TestDestination.Silent.class, devNull.testDestination());
    assertEquals(List.of(), devNull.problems());
  }

  @Test
  void lookups() {
    Connector postgres = Connectors.source("postgres");
    assertEquals(POSTGRES, postgres.definitionId().orElseThrow());
    assertEquals("Postgres", postgres.name());
    assertEquals("airbyte/source-postgres", postgres.dockerRepository());
    assertTrue(postgres.inServerNameMap());
    assertSame(SourcePostgres.class, postgres.configurationClass());
    assertTrue(postgres.secretPaths().containsAll(List.of(List.of("password"), List.of("ssl_mode", "ca_certificate"),
        List.of("tunnel_method", "ssh_key"), List.of("tunnel_method", "tunnel_user_password"))), postgres.secretPaths()::toString);
    assertTrue(postgres.isSecret(List.of("password")));
    assertFalse(postgres.isSecret(List.of("host")));
    assertTrue(postgres.isSecret(List.of("not_in_schema")));
    assertEquals(5432L, postgres.defaults().get(List.of("port")));
    assertFalse(Connectors.destination("dev-null").inServerNameMap());
    assertTrue(Connectors.find(ActorType.SOURCE, "nope").isEmpty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Connectors.source("nope"));
    assertEquals("No source connector is named nope (see Connectors.all())", e.getMessage());
    assertInstanceOf(SourcePostgres.class, postgres.read(Map.of("host", "x")));
    assertFalse(postgres.raw(Map.of("host", "x")).isTyped());
  }
}
