package io.github.airbytejava.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.provisioning.ResourceChange.Action;
import io.github.airbytejava.provisioning.ResourceChange.Type;
import io.github.airbytejava.testkit.ReceivedRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What must hold when provisioning runs unattended (CI, production): each test failed before its fix. */
class UnattendedTest extends ProvisioningTestSupport {

  private WorkspaceState pipeline(int port) {
    return state().source(postgres("pg-prod", port)).destination(devNull("sink"))
        .connection(ConnectionSpec.builder("pg-to-sink", "pg-prod", "sink").schedule(Schedule.cron("0 0 6 * * ?"))
            .status(ConnectionStatus.ACTIVE).prefix("raw_").build())
        .build();
  }

  private Provisioner withSecrets(Map<String, String> secrets) {
    return Provisioner.builder(client).secrets(SecretResolver.of(secrets)).build();
  }

  // ------------------------------------------------------------------------------------------------- secrets

  @Test
  void anEmptySecretIsAProblemBeforeAnyWriteOnCreateAndOnRotation() {
    Provisioner empty = withSecrets(Map.of("PG_PASSWORD", ""));
    fake().clearRequests();
    ProvisioningException create = assertThrows(ProvisioningException.class, () -> empty.plan(pipeline(5432)));
    assertTrue(create.getMessage().contains("secret ${PG_PASSWORD} has no value"), create.getMessage());
    assertTrue(create.getMessage().contains("an empty value counts as unset"), create.getMessage());
    assertEquals(List.of(), writes());

    provisioner.apply(provisioner.plan(pipeline(5432))).orThrow();
    fake().clearRequests();
    ProvisioningException rotate = assertThrows(ProvisioningException.class,
        () -> empty.plan(List.of(pipeline(5432)), Set.of("PG_PASSWORD")));
    assertTrue(rotate.getMessage().contains("secret ${PG_PASSWORD} has no value"), rotate.getMessage());
    assertEquals(List.of(), writes(), "the stored password is kept");
  }

  @Test
  void exportedReferenceNamesAreUniqueAndOneReferenceForTwoSecretFieldsIsAWarning() {
    WorkspaceState three = state().source(postgres("pg-prod", 5432)).source(postgres("pg_prod", 5432))
        .source(postgres("PG.PROD", 5432)).build();
    Plan plan = provisioner.plan(three);
    assertEquals(1, plan.warnings().size(), plan.render());
    assertTrue(plan.render().contains("Warning: secret ${PG_PASSWORD}: one reference is used by 3 secret fields"),
        plan.render());
    provisioner.apply(plan).orThrow();

    WorkspaceState exported = provisioner.export(workspaceId);
    List<Object> references = exported.sources().stream().map(s -> s.configuration().get("password")).toList();
    assertEquals(List.of(Secret.ref("PG_PROD_PASSWORD"), Secret.ref("PG_PROD_PASSWORD_2"),
        Secret.ref("PG_PROD_PASSWORD_3")), references);
    Plan again = withSecrets(Map.of("PG_PROD_PASSWORD", PASSWORD, "PG_PROD_PASSWORD_2", PASSWORD,
        "PG_PROD_PASSWORD_3", PASSWORD)).plan(StateFiles.parse(StateFiles.toYaml(exported), "x.yaml"));
    assertFalse(again.hasChanges(), again.render());
    assertEquals(List.of(), again.warnings());
  }

  private static ActorSpec paystack(Object secretKey) {
    return ActorSpec.source("pay").connector("paystack").configuration(Map.of("start_date", "2024-01-01T00:00:00Z",
        "secret_key", secretKey)).build();
  }

  @Test
  void aReferenceToASecretWithAPatternIsCheckedAsItsValueNotAsThePlaceholder() {
    Provisioner good = withSecrets(Map.of("PAYSTACK_KEY", "sk_live_abc123"));
    Plan plan = good.plan(state().source(paystack("${PAYSTACK_KEY}")).build());
    assertEquals(1, plan.count(Action.CREATE), plan.render());
    good.apply(plan).orThrow();
    assertTrue(fake().requests().stream().anyMatch(r -> r.body().contains("sk_live_abc123")), "sent resolved");

    ProvisioningException bad = assertThrows(ProvisioningException.class, () -> withSecrets(
        Map.of("PAYSTACK_KEY", "not-a-key")).plan(List.of(state().source(paystack("${PAYSTACK_KEY}")).build()),
        Set.of("PAYSTACK_KEY")));
    assertTrue(bad.getMessage().contains("secret_key: must match"), bad.getMessage());
    assertFalse(bad.getMessage().contains("not-a-key"), bad.getMessage());

    // Exported, the key is a reference nobody resolves while planning: the placeholder is not checked.
    WorkspaceState exported = StateFiles.parse(StateFiles.toYaml(provisioner.export(workspaceId)), "x.yaml");
    Plan again = Provisioner.builder(client).secrets(name -> null).build().plan(exported);
    assertFalse(again.hasChanges(), again.render());
  }

  @Test
  void literalSecretsOfAConnectorNoSchemaDescribesAreHiddenAndAnUncomparableLiteralIsReported() {
    ActorSpec custom = ActorSpec.source("mine").definitionId(UUID.randomUUID()).configuration(Map.of(
        "host", "api.internal", "api_key", "literal-api-key", "client_secret", "literal-client-secret",
        "auth", Map.of("user", "me", "password", "literal-auth-password"))).build();
    Plan plan = provisioner.plan(state().source(custom).build());
    String printed = plan.render() + plan.changes() + plan + custom;
    for (String secret : List.of("literal-api-key", "literal-client-secret", "literal-auth-password")) {
      assertFalse(printed.contains(secret), printed);
    }
    assertTrue(plan.render().contains("configuration.host"), plan.render());
    assertTrue(plan.render().contains("\"api.internal\""), plan.render());

    // A literal secret, masked live, cannot be compared: the plan says so rather than "No changes" alone.
    ActorSpec literal = ActorSpec.source("pg").connector("postgres").configuration(Map.of("host", "db.internal",
        "port", 5432, "database", "app", "username", "airbyte", "password", "first-" + PASSWORD)).build();
    provisioner.apply(provisioner.plan(state().source(literal).build())).orThrow();
    ActorSpec changed = ActorSpec.source("pg").connector("postgres").configuration(Map.of("host", "db.internal",
        "port", 5432, "database", "app", "username", "airbyte", "password", "second-" + PASSWORD)).build();
    Plan again = provisioner.plan(state().source(changed).build());
    assertEquals(1, again.warnings().size(), again.render());
    assertTrue(again.render().contains("configuration.password: a literal secret cannot be compared"),
        again.render());
    assertFalse(again.render().contains(PASSWORD), again.render());
  }

  // ------------------------------------------------------------------------------------------------- streams

  private static ActorSpec faker() {
    return ActorSpec.source("faker").connector("faker").configuration(Map.of("count", 100, "seed", 1)).build();
  }

  private WorkspaceState fakerToSink(ConnectionSpec.Builder connection) {
    return state().source(faker()).destination(devNull("sink")).connection(connection.build()).build();
  }

  @Test
  void anEmptyStreamListIsAProblemNotAnEndlessPatch() {
    fake().clearRequests();
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.plan(fakerToSink(
        ConnectionSpec.builder("c", "faker", "sink").streams(List.of()))));
    assertTrue(e.getMessage().contains("the list of streams is empty"), e.getMessage());
    ProvisioningException file = assertThrows(ProvisioningException.class, () -> provisioner.plan(StateFiles.parse("""
        workspace: Default Workspace
        sources: [{name: faker, connector: faker, configuration: {count: 100, seed: 1}}]
        destinations: [{name: sink, connector: dev-null, configuration: {test_destination: {test_destination_type: SILENT}}}]
        connections:
          - name: c
            source: faker
            destination: sink
            streams: []
        """, "empty.yaml")));
    assertEquals("empty.yaml:8: connection \"c\": the list of streams is empty, and a connection syncs at least one: "
        + "list the streams to sync, or leave streams out to leave the selection to the server",
        file.problems().get(0).toString());
    assertEquals(List.of(), writes());
  }

  @Test
  void selectedFieldsAndMappersRoundTripThroughExportAndPlanAndTheYamlIsPlain() {
    Map<String, Object> hashing = Map.of("type", "hashing", "mapperConfiguration",
        Map.of("targetField", "email", "method", "SHA-256", "fieldNameSuffix", "_hashed"));
    WorkspaceState state = fakerToSink(ConnectionSpec.builder("c", "faker", "sink").tags(List.of())
        .stream(StreamSpec.builder("users").syncMode(SyncMode.FULL_REFRESH_OVERWRITE)
            .selectedFields("id", "name", "email").mappers(List.of(hashing)).build()));
    provisioner.apply(provisioner.plan(state)).orThrow();
    assertFalse(provisioner.plan(state).hasChanges(), provisioner.plan(state).render());

    String yaml = StateFiles.toYaml(provisioner.export(workspaceId));
    assertFalse(yaml.contains("&id") || yaml.contains("*id"), "no anchors or aliases:\n" + yaml);
    // Empty lists are one shared object in Java: written plainly, not as an anchor and its aliases.
    String shared = StateFiles.toYaml(fakerToSink(ConnectionSpec.builder("c", "faker", "sink").tags(List.of())
        .stream(StreamSpec.builder("users").cursorField(List.of()).primaryKey(List.of()).build())));
    assertFalse(shared.contains("&id") || shared.contains("*id"), "no anchors or aliases:\n" + shared);
    assertTrue(shared.contains("tags: []") && shared.contains("cursorField: []"), shared);
    assertTrue(yaml.contains("selectedFields:\n          - id\n          - name\n          - email"), yaml);
    assertTrue(yaml.contains("type: hashing"), yaml);
    assertTrue(yaml.contains("targetField: email"), yaml);

    // Applied to another workspace, the export syncs the same columns, hashed: planned here it changes nothing.
    WorkspaceState back = StateFiles.parse(yaml, "exported.yaml");
    Plan plan = provisioner.plan(back);
    assertFalse(plan.hasChanges(), plan.render() + yaml);

    WorkspaceState fewer = fakerToSink(ConnectionSpec.builder("c", "faker", "sink")
        .stream(StreamSpec.builder("users").syncMode(SyncMode.FULL_REFRESH_OVERWRITE).selectedFields("id", "email")
            .mappers(List.of()).build()));
    Plan change = provisioner.plan(fewer);
    assertEquals(Set.of("streams[users].selectedFields", "streams[users].mappers"), change.pending().get(0).fields()
        .stream().map(FieldChange::path).collect(Collectors.toSet()), change.render());
    provisioner.apply(change).orThrow();
    assertFalse(provisioner.plan(fewer).hasChanges(), provisioner.plan(fewer).render());
  }

  // ----------------------------------------------------------------------------------------- concurrent applies

  @Test
  void aSecondApplyOfTheSameStateMadeBeforeTheFirstRanRefusesToDuplicate() {
    Plan first = provisioner.plan(pipeline(5432));
    Plan second = provisioner.plan(pipeline(5432));
    provisioner.apply(first).orThrow();
    fake().clearRequests();
    ApplyResult result = provisioner.apply(second);
    assertFalse(result.succeeded());
    assertInstanceOf(StalePlanException.class, result.error());
    assertTrue(result.error().getMessage().contains("source \"pg-prod\" was created since the plan was made"),
        result.error().getMessage());
    assertTrue(result.error().getMessage().contains("Run one apply per workspace at a time"),
        result.error().getMessage());
    assertEquals(List.of(), writes());
    assertEquals(1, client.paginate().sources().count());
    assertEquals(1, client.paginate().destinations().count());
    assertEquals(1, client.paginate().connections().count());
  }

  @Test
  void twoAppliesAtOnceEndWithOneOfEachResourceOrAClearError() throws Exception {
    for (int round = 0; round < 10; round++) {
      fake().reset();
      Plan a = provisioner.plan(pipeline(5432));
      Plan b = provisioner.plan(pipeline(5432));
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var ra = pool.submit(() -> provisioner.apply(a));
        var rb = pool.submit(() -> provisioner.apply(b));
        ApplyResult x = ra.get();
        ApplyResult y = rb.get();
        assertEquals(1, client.paginate().sources().count(), x.summary() + "\n" + y.summary());
        assertEquals(1, client.paginate().destinations().count(), x.summary() + "\n" + y.summary());
        assertEquals(1, client.paginate().connections().count(), x.summary() + "\n" + y.summary());
        for (ApplyResult r : List.of(x, y)) {
          assertTrue(r.succeeded() || r.error() instanceof StalePlanException, r.summary());
          if (r.succeeded()) {
            assertEquals(client.paginate().connections().findFirst().orElseThrow().getConnectionId(),
                r.id(Type.CONNECTION, "pg-to-sink").orElseThrow(), "the id of the connection that stayed");
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aStalePlanIsRefusedBeforeItOverwritesANewerChange() {
    provisioner.apply(provisioner.plan(pipeline(5432))).orThrow();
    Plan plan = provisioner.plan(pipeline(5433));
    SourceResponse live = client.paginate().sources().findFirst().orElseThrow();
    client.sources().patchSource(live.getSourceId(), new SourcePatchRequest().configuration(Map.of("port", 6000)))
        .execute();
    fake().clearRequests();
    ApplyResult result = provisioner.apply(plan);
    assertFalse(result.succeeded());
    assertInstanceOf(StalePlanException.class, result.error());
    assertEquals("source \"pg-prod\" (" + live.getSourceId() + ") changed since the plan was made (configuration.port);"
        + " the plan would overwrite that change, so nothing was written to it. Plan again",
        result.error().getMessage());
    assertEquals(List.of(), writes());
    assertEquals(6000L, ((Number) client.sources().getSource(live.getSourceId()).execute().getConfiguration()
        .get("port")).longValue());
  }

  @Test
  void everyConnectionOnANewSourceIsCheckedBeforeAnyConnectionIsCreated() {
    WorkspaceState state = state().source(faker()).destination(devNull("sink"))
        .connection(ConnectionSpec.builder("good", "faker", "sink").stream(StreamSpec.of("users")).build())
        .connection(ConnectionSpec.builder("bad-1", "faker", "sink").stream(StreamSpec.of("nope-1")).build())
        .connection(ConnectionSpec.builder("bad-2", "faker", "sink").stream(StreamSpec.of("nope-2")).build())
        .build();
    ApplyResult result = provisioner.apply(provisioner.plan(state));
    assertFalse(result.succeeded());
    ProvisioningException e = assertInstanceOf(ProvisioningException.class, result.error());
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("connection \"bad-1\" stream \"nope-1\""), e.getMessage());
    assertTrue(e.getMessage().contains("connection \"bad-2\" stream \"nope-2\""), e.getMessage());
    assertEquals(0, client.paginate().connections().count(), "no connection was made");
  }

  // ---------------------------------------------------------------------------------------------- the result

  @Test
  void applyGivesTheIdOfEveryResourceByName() {
    ApplyResult created = provisioner.apply(provisioner.plan(pipeline(5432))).orThrow();
    ConnectionResponse live = client.paginate().connections().findFirst().orElseThrow();
    assertEquals(live.getConnectionId(), created.id(Type.CONNECTION, "pg-to-sink").orElseThrow());
    assertEquals(live.getSourceId(), created.id(Type.SOURCE, "pg-prod").orElseThrow());
    assertEquals(live.getDestinationId(), created.id(workspaceId, Type.DESTINATION, "sink").orElseThrow());

    ApplyResult unchanged = provisioner.apply(provisioner.plan(pipeline(5432)));
    assertEquals(live.getConnectionId(), unchanged.id(Type.CONNECTION, "pg-to-sink").orElseThrow());
    assertTrue(unchanged.id(Type.CONNECTION, "no-such").isEmpty());
    assertNotEquals(unchanged.id(Type.SOURCE, "pg-prod"), unchanged.id(Type.DESTINATION, "sink"));
  }

  @Test
  void enumsSetWhatTheServerAccepts() {
    WorkspaceState state = fakerToSink(ConnectionSpec.builder("c", "faker", "sink").status(ConnectionStatus.INACTIVE)
        .namespaceDefinition(NamespaceDefinition.DESTINATION)
        .nonBreakingSchemaUpdatesBehavior(SchemaChangeBehavior.PROPAGATE_COLUMNS)
        .stream(StreamSpec.builder("users").syncMode(SyncMode.INCREMENTAL_APPEND).build()));
    fake().clearRequests();
    provisioner.apply(provisioner.plan(state)).orThrow();
    ReceivedRequest create = writes().stream().filter(r -> r.path().endsWith("/connections")).findFirst()
        .orElseThrow();
    for (String wire : List.of("\"status\":\"inactive\"", "\"namespaceDefinition\":\"destination\"",
        "\"nonBreakingSchemaUpdatesBehavior\":\"propagate_columns\"", "\"syncMode\":\"incremental_append\"")) {
      assertTrue(create.body().contains(wire), create.body());
    }
    assertFalse(provisioner.plan(state).hasChanges());
  }
}
