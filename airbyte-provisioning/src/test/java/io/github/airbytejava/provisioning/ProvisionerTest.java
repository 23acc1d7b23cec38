package io.github.airbytejava.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.ServerException;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.provisioning.ResourceChange.Action;
import io.github.airbytejava.testkit.Fault;
import io.github.airbytejava.testkit.ReceivedRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProvisionerTest extends ProvisioningTestSupport {

  private WorkspaceState pipeline(int port) {
    return state().source(postgres("pg-prod", port)).destination(devNull("sink"))
        .connection(ConnectionSpec.builder("pg-to-sink", "pg-prod", "sink").schedule(Schedule.cron("0 0 6 * * ?"))
            .status("active").prefix("raw_").build())
        .build();
  }

  @Test
  void createsThenAppliesAgainWithoutAnyWriteRequest() {
    Plan plan = provisioner.plan(pipeline(5432));
    assertEquals(3, plan.count(Action.CREATE), plan.render());
    ApplyResult result = provisioner.apply(plan);
    assertTrue(result.succeeded(), result.summary());
    assertEquals(3, result.applied().size());

    fake().clearRequests();
    Plan again = provisioner.plan(pipeline(5432));
    assertFalse(again.hasChanges(), again.render());
    assertEquals(3, again.count(Action.UNCHANGED));
    assertTrue(provisioner.apply(again).succeeded());
    assertEquals(List.of(), writes(), "a second apply sends no write request");
    assertTrue(again.render().startsWith("No changes."), again.render());
  }

  @Test
  void updatesOnlyTheFieldThatChangedAndComparesNumbersByValue() {
    provisioner.apply(provisioner.plan(pipeline(5432))).orThrow();
    fake().clearRequests();

    Plan plan = provisioner.plan(pipeline(5433));
    ResourceChange source = plan.pending().get(0);
    assertEquals(Action.UPDATE, source.action());
    assertEquals(List.of(new FieldChange("configuration.port", "5432", "5433")), source.fields());
    provisioner.apply(plan).orThrow();
    List<ReceivedRequest> writes = writes();
    assertEquals(1, writes.size(), writes.toString());
    assertEquals("PATCH", writes.get(0).method());
    assertEquals("{\"configuration\":{\"port\":5433}}", writes.get(0).body(), "only the changed field, no secret");

    // 5433 read back from JSON is the same number as the int 5433 desired, and as 5433.0.
    ActorSpec asDouble = ActorSpec.source("pg-prod").connector("postgres").configuration(Map.of("host",
        "db.internal", "port", 5433.0, "database", "app", "username", "airbyte", "password", "${PG_PASSWORD}",
        "ssl_mode", Map.of("mode", "prefer"))).build();
    WorkspaceState state = state().source(asDouble).build();
    assertFalse(provisioner.plan(state).hasChanges());
  }

  @Test
  void secretsAreSentOnCreateOnlyNeverPrintedAndChangedOnlyWhenSaid() {
    Plan plan = provisioner.plan(pipeline(5432));
    assertFalse(plan.render().contains(PASSWORD));
    assertTrue(plan.render().lines().anyMatch(l -> l.matches(" +\\+ configuration\\.password +"
        + Pattern.quote("= (secret ${PG_PASSWORD})"))), plan.render());
    provisioner.apply(plan).orThrow();
    ReceivedRequest create = fake().requests().stream().filter(r -> r.method().equals("POST")
        && r.path().endsWith("/sources")).findFirst().orElseThrow();
    assertTrue(create.body().contains("\"password\":\"" + PASSWORD + "\""), "the create carries the value");

    // Live, the password is masked: not drift.
    assertFalse(provisioner.plan(pipeline(5432)).hasChanges());

    Plan rotate = provisioner.plan(List.of(pipeline(5432)), Set.of("PG_PASSWORD"));
    ResourceChange change = rotate.pending().get(0);
    assertEquals(List.of(new FieldChange("configuration.password", "(secret)", "(secret ${PG_PASSWORD})")),
        change.fields());
    assertFalse(rotate.render().contains(PASSWORD));
    assertFalse(change.toString().contains(PASSWORD));
    fake().clearRequests();
    provisioner.apply(rotate).orThrow();
    assertEquals("{\"configuration\":{\"password\":\"" + PASSWORD + "\"}}", writes().get(0).body());
  }

  @Test
  void aMissingSecretIsAProblemBeforeAnythingIsWritten() {
    Provisioner noSecrets = Provisioner.builder(client).secrets(name -> null).build();
    fake().clearRequests();
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> noSecrets.plan(pipeline(5432)));
    assertTrue(e.getMessage().contains("secret ${PG_PASSWORD} has no value"), e.getMessage());
    assertEquals(List.of(), writes());
  }

  @Test
  void aRemovedFieldReplacesTheConfigurationWithPut() {
    provisioner.apply(provisioner.plan(pipeline(5432))).orThrow();
    ActorSpec withoutSsl = ActorSpec.source("pg-prod").connector("postgres").configuration(Map.of("host",
        "db.internal", "port", 5432, "database", "app", "username", "airbyte", "password", "${PG_PASSWORD}"))
        .build();
    Plan plan = provisioner.plan(state().source(withoutSsl).build());
    ResourceChange change = plan.pending().get(0);
    assertEquals(List.of(new FieldChange("configuration.ssl_mode", "{mode: \"prefer\"}", null)), change.fields());
    fake().clearRequests();
    provisioner.apply(plan).orThrow();
    ReceivedRequest put = writes().get(0);
    assertEquals("PUT", put.method());
    assertTrue(put.body().contains("\"password\":\"" + PASSWORD + "\""), "a PUT needs every secret");
    assertFalse(provisioner.plan(state().source(withoutSsl).build()).hasChanges());
  }

  @Test
  void deletesOnlyUnlistedResourcesTheGuardNames() {
    provisioner.apply(provisioner.plan(state().source(postgres("etl-old", 5432)).source(postgres("keep-me", 5432))
        .destination(devNull("sink")).build())).orThrow();

    WorkspaceState withoutThem = state().destination(devNull("sink")).deleteUnlisted("etl-*").build();
    Plan plan = provisioner.plan(withoutThem);
    assertEquals(List.of("delete source \"etl-old\""), plan.pending().stream()
        .map(c -> c.action().name().toLowerCase() + " " + c.describe()).toList());
    provisioner.apply(plan).orThrow();
    assertEquals(Set.of("keep-me"), client.paginate().sources().map(SourceResponse::getName)
        .collect(java.util.stream.Collectors.toSet()));

    // Without a guard nothing is deleted.
    assertFalse(provisioner.plan(state().build()).hasChanges());
  }

  @Test
  void aDeleteThatWouldTakeAnUnguardedConnectionWithItIsAProblem() {
    provisioner.apply(provisioner.plan(state().source(postgres("etl-pg", 5432)).destination(devNull("sink"))
        .connection(ConnectionSpec.builder("keep-this", "etl-pg", "sink").build()).build())).orThrow();
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> provisioner.plan(state()
        .destination(devNull("sink")).deleteUnlisted("etl-*").build()));
    assertTrue(e.getMessage().contains("deleting the source or destination of connection \"keep-this\""),
        e.getMessage());

    Plan both = provisioner.plan(state().destination(devNull("sink")).deleteUnlisted("etl-*", "keep-*").build());
    assertEquals(List.of("connection keep-this", "source etl-pg"), both.pending().stream()
        .map(c -> c.type().label() + " " + c.name()).toList(), "the connection first");
    provisioner.apply(both).orThrow();
    assertEquals(0, client.paginate().connections().count());
  }

  @Test
  void noSecretInAToStringOrAMessage() {
    ActorSpec spec = postgres("pg", 5432);
    assertTrue(spec.toString().contains("password: (secret ${PG_PASSWORD})"), spec.toString());
    provisioner.apply(provisioner.plan(pipeline(5432))).orThrow();
    Plan plan = provisioner.plan(List.of(pipeline(5432)), Set.of("PG_PASSWORD"));
    for (Object o : List.of(plan, plan.render(), plan.changes(), provisioner.export(workspaceId),
        StateFiles.toYaml(provisioner.export(workspaceId)))) {
      assertFalse(String.valueOf(o).contains(PASSWORD), String.valueOf(o));
    }
  }

  @Test
  void twoLiveResourcesWithOneNameAreAnErrorNamingBoth() {
    SourceResponse first = createRaw("twin");
    SourceResponse second = createRaw("twin");
    ProvisioningException e = assertThrows(ProvisioningException.class,
        () -> provisioner.plan(state().source(postgres("twin", 5432)).build()));
    assertTrue(e.getMessage().contains(first.getSourceId().toString()), e.getMessage());
    assertTrue(e.getMessage().contains(second.getSourceId().toString()), e.getMessage());
  }

  private SourceResponse createRaw(String name) {
    SourceCreateRequest r = new SourceCreateRequest();
    r.setName(name);
    r.setWorkspaceId(workspaceId);
    r.setDefinitionId(POSTGRES_SOURCE);
    r.setConfiguration(Map.of("host", "db.internal", "port", 5432, "database", "app", "username", "airbyte",
        "password", PASSWORD, "ssl_mode", Map.of("mode", "prefer")));
    return client.sources().createSource(r).execute();
  }

  @Test
  void stopsAtTheFirstFailureReportsWhatIsLeftAndIsSafeToRunAgain() {
    fake().faults().next(Fault.status(500).on("POST", "/destinations"));
    ApplyResult result = provisioner.apply(provisioner.plan(pipeline(5432)));
    assertFalse(result.succeeded());
    assertEquals(List.of("pg-prod"), result.applied().stream().map(ResourceChange::name).toList());
    assertEquals("sink", result.failed().name());
    assertTrue(result.error() instanceof ServerException, String.valueOf(result.error()));
    assertEquals(List.of("pg-to-sink"), result.remaining().stream().map(ResourceChange::name).toList());
    assertTrue(result.summary().contains("create connection \"pg-to-sink\""), result.summary());

    Plan again = provisioner.plan(pipeline(5432));
    assertEquals(2, again.count(Action.CREATE), again.render());
    assertEquals(1, again.count(Action.UNCHANGED));
    assertTrue(provisioner.apply(again).succeeded());
    assertFalse(provisioner.plan(pipeline(5432)).hasChanges());
  }

  @Test
  void exportedWorkspaceReadsBackWithNoChange() {
    provisioner.apply(provisioner.plan(pipeline(5432))).orThrow();
    WorkspaceState exported = provisioner.export(workspaceId);
    String yaml = StateFiles.toYaml(exported);
    assertFalse(yaml.contains(PASSWORD), yaml);
    assertTrue(yaml.contains("password: ${PG_PROD_PASSWORD}"), yaml);
    WorkspaceState read = StateFiles.parse(yaml, "exported.yaml");
    Plan plan = provisioner.plan(read);
    assertFalse(plan.hasChanges(), plan.render() + "\n" + yaml);
  }

  @Test
  void connectionSettingsUpdateInPlace() {
    provisioner.apply(provisioner.plan(pipeline(5432))).orThrow();
    WorkspaceState changed = state().source(postgres("pg-prod", 5432)).destination(devNull("sink"))
        .connection(ConnectionSpec.builder("pg-to-sink", "pg-prod", "sink").schedule(Schedule.cron("0 0 7 * * ?"))
            .status("inactive").prefix("raw_").build())
        .build();
    Plan plan = provisioner.plan(changed);
    ResourceChange connection = plan.pending().get(0);
    assertEquals(List.of(new FieldChange("schedule", "cron \"0 0 6 * * ?\"", "cron \"0 0 7 * * ?\""),
        new FieldChange("status", "\"active\"", "\"inactive\"")), connection.fields());
    assertTrue(plan.render().contains("~ connection \"pg-to-sink\" will be updated in place"), plan.render());
    provisioner.apply(plan).orThrow();
    assertFalse(provisioner.plan(changed).hasChanges());
    assertNotNull(connection.id());
  }

  /** OneSignal's applications are a list of objects whose app_id and app_api_key the schema marks secret. */
  private static WorkspaceState oneSignal(String appId) {
    return WorkspaceState.builder().workspaceName("Default Workspace").source(ActorSpec.source("push")
        .connector("onesignal").configuration(Map.of("user_auth_key", "${PG_PASSWORD}",
            "start_date", "2024-01-01T00:00:00Z", "outcome_names", "os__click.count",
            "applications", List.of(Map.of("app_name", "web", "app_id", appId, "app_api_key", "${PG_PASSWORD}"))))
        .build()).build();
  }

  @Test
  void secretsInsideListItemsAreNeverPrintedAndTheirMasksAreNotDrift() {
    Plan create = provisioner.plan(oneSignal("app-id-1234"));
    assertFalse(create.render().contains("app-id-1234"), create.render());
    assertFalse(create.changes().toString().contains("app-id-1234"), create.changes().toString());
    assertTrue(create.render().contains("app_name: \"web\""), create.render());
    provisioner.apply(create).orThrow();

    fake().clearRequests();
    Plan again = provisioner.plan(oneSignal("app-id-1234"));
    assertFalse(again.hasChanges(), again.render());
    provisioner.apply(again).orThrow();
    assertEquals(List.of(), writes(), "masked list items are not drift");

    Plan exported = provisioner.plan(provisioner.export(workspaceId));
    assertFalse(exported.hasChanges(), exported.render());

    Plan renamed = provisioner.plan(List.of(oneSignal("app-id-1234")), Set.of("PG_PASSWORD"));
    assertEquals(Set.of("configuration.user_auth_key", "configuration.applications"), renamed.pending().get(0)
        .fields().stream().map(FieldChange::path).collect(java.util.stream.Collectors.toSet()));
    assertFalse(renamed.render().contains("app-id-1234") || renamed.render().contains(PASSWORD), renamed.render());
  }

  @Test
  void anExportGivesEachListItemItsOwnSecrets() {
    WorkspaceState two = WorkspaceState.builder().workspaceName("Default Workspace").source(ActorSpec.source("push")
        .connector("onesignal").configuration(Map.of("user_auth_key", "${PG_PASSWORD}",
            "start_date", "2024-01-01T00:00:00Z", "outcome_names", "os__click.count", "applications", List.of(
                Map.of("app_id", "web-id", "app_api_key", "web-key"), Map.of("app_id", "ios-id", "app_api_key", "ios-key"))))
        .build()).build();
    provisioner.apply(provisioner.plan(two)).orThrow();
    String yaml = StateFiles.toYaml(provisioner.export(workspaceId));
    for (String reference : List.of("${PUSH_APPLICATIONS_0_APP_API_KEY}", "${PUSH_APPLICATIONS_1_APP_API_KEY}",
        "${PUSH_APPLICATIONS_0_APP_ID}", "${PUSH_APPLICATIONS_1_APP_ID}", "${PUSH_USER_AUTH_KEY}")) {
      assertTrue(yaml.contains(reference), yaml);
    }
    assertFalse(yaml.contains("-key") || yaml.contains("-id"), yaml);
  }

  @Test
  void aSpecsToStringHidesLiteralSecretsToo() {
    ActorSpec typed = ActorSpec.source("pg").configuration(io.github.airbytejava.connectors.sources.SourcePostgres
        .builder().host("db.internal").port(5432).database("app").username("airbyte").password(PASSWORD).build())
        .build();
    ActorSpec plain = ActorSpec.source("pg").connector("postgres").configuration(Map.of("host", "db.internal",
        "password", PASSWORD, "ssl_mode", Map.of("mode", "verify-ca", "ca_certificate", PASSWORD))).build();
    ActorSpec custom = ActorSpec.source("mine").definitionId(java.util.UUID.randomUUID())
        .configuration(Map.of("token", PASSWORD, "api_key", "${PG_PASSWORD}")).build();
    for (ActorSpec spec : List.of(typed, plain, custom)) {
      assertFalse(spec.toString().contains(PASSWORD), spec.toString());
      assertFalse(state().source(spec).build().toString().contains(PASSWORD));
    }
    assertTrue(plain.toString().contains("host: \"db.internal\""), plain.toString());
    assertTrue(plain.toString().contains("password: (secret)"), plain.toString());
    assertTrue(custom.toString().contains("api_key: (secret ${PG_PASSWORD})"), custom.toString());
  }

  @Test
  void aMaskCopiedFromAResponseIsNeverSentAsTheSecret() {
    ActorSpec copied = ActorSpec.source("pg-prod").connector("postgres").configuration(Map.of("host", "db.internal",
        "port", 5432, "database", "app", "username", "airbyte", "password", "**********",
        "ssl_mode", Map.of("mode", "prefer"))).build();
    fake().clearRequests();
    ProvisioningException e = assertThrows(ProvisioningException.class,
        () -> provisioner.plan(state().source(copied).build()));
    assertTrue(e.getMessage().contains("configuration.password: holds the mask Airbyte answers instead of a secret"),
        e.getMessage());
    assertEquals(List.of(), writes());

    // Where the live secret is masked too, nothing is sent, so the mask is not drift.
    provisioner.apply(provisioner.plan(state().source(postgres("pg-prod", 5432)).build())).orThrow();
    assertFalse(provisioner.plan(state().source(copied).build()).hasChanges());
  }
}
