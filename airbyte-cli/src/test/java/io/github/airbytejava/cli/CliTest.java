package io.github.airbytejava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.FakeFailure;
import io.github.airbytejava.testkit.ManualClock;
import io.github.airbytejava.testkit.ReceivedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user meets it: a real process per command, against the testkit's fake on loopback, in a home
 * directory of its own. Grouped by what a user relies on; each test starts a few processes only.
 */
class CliTest {
  @TempDir
  Path home;

  private static void assertOneCleanLine(Cli.Result r) {
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace without --debug\n" + r);
    assertEquals(1, r.err().strip().lines().count(), "one line on stderr\n" + r);
  }

  @Test
  void versionHelpAndBadInputAreOneLineWithTheUsageCode() {
    Cli cli = new Cli(home);
    Cli.Result version = cli.run("--version");
    assertEquals(0, version.code(), version::toString);
    assertTrue(version.out().startsWith("airbyte 0.3.0"), version::toString);

    Cli.Result help = cli.run("help", "sync");
    assertEquals(0, help.code(), help::toString);
    assertTrue(help.out().contains("Usage: airbyte sync") && help.out().contains("Example"), help::toString);
    Cli.Result sourcesHelp = cli.run("sources", "create", "--help");
    assertTrue(sourcesHelp.out().contains("Example") && sourcesHelp.out().contains("--file"), sourcesHelp::toString);
    assertTrue(sourcesHelp.out().replaceAll("\\s+", " ").contains("${NAME} is replaced by the environment variable"),
        "help shows the reference syntax as written\n" + sourcesHelp);
    Cli.Result streamsHelp = cli.run("streams", "list", "--help");
    assertTrue(streamsHelp.out().contains("airbyte streams list --source "), "an example that runs\n" + streamsHelp);

    Cli.Result typo = cli.run("sourcez", "list");
    assertTrue(typo.err().contains("unknown command 'sourcez'; did you mean sources"), typo::toString);
    Cli.Result flagTypo = cli.run("sources", "list", "--outptu", "json");
    assertTrue(flagTypo.err().contains("unknown flag '--outptu'; did you mean --output"), flagTypo::toString);

    for (String[] bad : List.of(new String[] {"sourcez", "list"}, new String[] {"sources", "list", "--bogus"},
        new String[] {"sources", "get"}, new String[] {"sync", "x", "--timeout", "soon", "--wait"})) {
      Cli.Result r = cli.run(bad);
      assertEquals(ExitCodes.USAGE, r.code(), r::toString);
      assertOneCleanLine(r);
    }
    Cli.Result malformed = cli.run("sources", "create", "-f", write("bad.yaml", "name: [unclosed"));
    assertEquals(ExitCodes.USAGE, malformed.code(), malformed::toString);
    assertTrue(malformed.err().contains("bad.yaml:"), "names the file and line\n" + malformed);
    assertOneCleanLine(malformed);

    Cli.Result badUrl = cli.run("--url", "not a url", "api", "/workspaces");
    assertEquals(ExitCodes.USAGE, badUrl.code(), badUrl::toString);
    assertOneCleanLine(badUrl);
    Cli.Result unreachable = cli.run("--url", "http://127.0.0.1:9/v1", "api", "/workspaces");
    assertEquals(ExitCodes.ERROR, unreachable.code(), unreachable::toString);
    assertTrue(unreachable.err().contains("127.0.0.1:9"), "names where\n" + unreachable);
    assertOneCleanLine(unreachable);
    Cli.Result notLoggedIn = cli.run("sources", "list");
    assertEquals(ExitCodes.AUTH, notLoggedIn.code(), notLoggedIn::toString);
  }

  @Test
  void loginWritesA0600ContextThatStatusAndApiUseAndAWrongSecretSavesNothing() throws IOException {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Cli cli = new Cli(home);
      Cli.Result wrong = cli.runWithInput("not-the-secret\n", "auth", "login", "--url", fake.baseUrl(), "--client-id",
          fake.clientId(), "--client-secret-stdin");
      assertEquals(ExitCodes.AUTH, wrong.code(), wrong::toString);
      assertOneCleanLine(wrong);
      assertFalse(Files.exists(cli.configFile()), "nothing saved");

      Cli.Result login = cli.runWithInput(fake.clientSecret() + "\n", "auth", "login", "--url", fake.baseUrl(),
          "--client-id", fake.clientId(), "--client-secret-stdin", "--name", "local");
      assertEquals(0, login.code(), login::toString);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile())));

      Cli.Result status = cli.run("auth", "status");
      assertEquals(0, status.code(), status::toString);
      assertTrue(status.out().contains(fake.baseUrl()) && status.out().contains("\"context\": \"local\"")
          && status.out().contains(fake.clientId()), status::toString);
      assertFalse(status.all().contains(fake.clientSecret()), status::toString);

      Cli.Result token = cli.run("auth", "token");
      assertEquals(0, token.code(), token::toString);
      assertTrue(token.out().strip().length() > 20, token::toString);

      Cli.Result contexts = cli.run("context", "list", "-o", "name");
      assertEquals("local\n", contexts.out(), contexts::toString);

      Cli.Result logout = cli.run("auth", "logout");
      assertEquals(0, logout.code(), logout::toString);
      assertFalse(Files.readString(cli.configFile()).contains(fake.clientSecret()), "the secret is forgotten");
      try (Stream<Path> tokens = Files.list(cli.tokenDir())) {
        assertEquals(0, tokens.count(), "and the cached token");
      }
      Cli.Result after = cli.run("api", "/workspaces");
      assertEquals(ExitCodes.AUTH, after.code(), after::toString);

      Files.setPosixFilePermissions(cli.configFile(), PosixFilePermissions.fromString("rw-r--r--"));
      Cli.Result open = cli.run("context", "list");
      assertEquals(ExitCodes.ERROR, open.code(), open::toString);
      assertTrue(open.err().contains("chmod 600 " + cli.configFile()), "says how to fix it\n" + open);
    }
  }

  @Test
  void onATerminalLoginAsksWithoutEchoingTheSecretAndApplyAndDeleteAskFirst() throws IOException {
    Assumptions.assumeTrue(Cli.canRunOnATerminal(), "needs util-linux's /usr/bin/script to give the CLI a terminal");
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Map<String, String> account = fake.env();
      Cli cli = new Cli(home);
      Cli.Result login = cli.runOnTerminal(List.of(
          Map.entry("API URL", account.get("AIRBYTE_API_URL")),
          Map.entry("Client id: ", account.get("AIRBYTE_CLIENT_ID")),
          Map.entry("Client secret: ", account.get("AIRBYTE_CLIENT_SECRET"))), "auth", "login");
      assertEquals(0, login.code(), login::toString);
      assertTrue(login.out().contains("Logged in to " + account.get("AIRBYTE_API_URL")), login::toString);
      assertFalse(login.out().contains(account.get("AIRBYTE_CLIENT_SECRET")), "the secret was echoed\n" + login);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile())));
      assertTrue(Files.readString(cli.configFile()).contains(account.get("AIRBYTE_CLIENT_SECRET")));

      Path dir = Files.createDirectories(home.resolve("terminal-state"));
      Files.writeString(dir.resolve("default.yaml"), """
          workspace: Default Workspace
          sources:
            - name: sample
              connector: faker
              configuration: { count: 10 }
          """);
      Cli.Result declined = cli.runOnTerminal(List.of(Map.entry("Only 'yes' is accepted: ", "y")), "apply",
          dir.toString());
      assertEquals(ExitCodes.ERROR, declined.code(), "only 'yes' applies\n" + declined);
      assertTrue(declined.out().contains("Apply cancelled."), declined::toString);
      assertEquals("", cli.run("sources", "list", "-o", "name").out().strip(), "nothing applied");
      Cli.Result approved = cli.runOnTerminal(List.of(Map.entry("Only 'yes' is accepted: ", "yes")), "apply",
          dir.toString());
      assertEquals(0, approved.code(), approved::toString);
      assertEquals("sample", cli.run("sources", "list", "-o", "name").out().strip());

      Cli.Result kept = cli.runOnTerminal(List.of(Map.entry("[y/N] ", "")), "sources", "delete", "sample");
      assertEquals(ExitCodes.ERROR, kept.code(), kept::toString);
      assertTrue(kept.out().contains("Not deleted."), kept::toString);
      assertEquals("sample", cli.run("sources", "list", "-o", "name").out().strip());
      Cli.Result deleted = cli.runOnTerminal(List.of(Map.entry("[y/N] ", "y")), "sources", "delete", "sample");
      assertEquals(0, deleted.code(), deleted::toString);
      assertEquals("", cli.run("sources", "list", "-o", "name").out().strip());
    }
  }

  @Test
  void flagsOverrideTheEnvironmentWhichOverridesTheConfigFile() {
    try (FakeAirbyte inFile = FakeAirbyte.start(); FakeAirbyte inEnv = FakeAirbyte.start()) {
      Cli cli = new Cli(home);
      assertEquals(0, cli.runWithInput(inFile.clientSecret(), "auth", "login", "--url", inFile.baseUrl(),
          "--client-id", inFile.clientId(), "--client-secret-stdin", "--name", "file").code());
      assertEquals(0, cli.run("api", "/workspaces").code());
      int fileRequests = inFile.requestCount();

      cli.pointedAt(inEnv);
      Cli.Result env = cli.run("api", "/workspaces");
      assertEquals(0, env.code(), env::toString);
      assertEquals(fileRequests, inFile.requestCount(), "the environment wins over the config file");
      assertTrue(inEnv.requestCount() > 0);

      int envRequests = inEnv.requestCount();
      Cli.Result flag = cli.run("api", "/workspaces", "--url", inFile.baseUrl());
      assertEquals(0, flag.code(), flag::toString);
      assertEquals(envRequests, inEnv.requestCount(), "a flag wins over the environment");
      assertTrue(inFile.requestCount() > fileRequests);

      Cli.Result noSuchContext = cli.run("--context", "nope", "api", "/workspaces");
      assertEquals(ExitCodes.NOT_FOUND, noSuchContext.code(), noSuchContext::toString);
      assertEquals(0, cli.run("context", "delete", "file").code());
      assertEquals("", cli.run("context", "list", "-o", "name").out());
    }
  }

  @Test
  void tenProcessesShareOneTokenWhichNoOtherServerEverSees() throws IOException {
    try (FakeAirbyte fake = FakeAirbyte.start(); FakeAirbyte other = FakeAirbyte.start()) {
      Cli cli = new Cli(home).pointedAt(fake);
      for (int i = 0; i < 10; i++) {
        Cli.Result r = cli.run("api", "/workspaces", "--query", "length(data)");
        assertEquals(0, r.code(), r::toString);
        assertEquals("1", r.out().strip());
      }
      assertEquals(1, fake.tokenRequestCount(), "one token request for ten commands");
      Path tokenFile;
      try (Stream<Path> files = Files.list(cli.tokenDir())) {
        tokenFile = files.findFirst().orElseThrow();
      }
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
      String sent = fake.requests().stream().filter(r -> r.path().endsWith("/workspaces")).findFirst().orElseThrow()
          .header("Authorization");

      Cli.Result second = new Cli(home).pointedAt(other).run("api", "/workspaces");
      assertEquals(0, second.code(), second::toString);
      assertEquals(1, other.tokenRequestCount(), "the second server's own token");
      assertTrue(other.requests().stream().map(r -> r.header("Authorization")).noneMatch(sent::equals),
          "the first server's token never sent to the second");

      Files.writeString(tokenFile, "{not json");
      Cli.Result corrupt = cli.run("api", "/workspaces");
      assertEquals(0, corrupt.code(), corrupt::toString);
      assertEquals("", corrupt.err());
      assertEquals(2, fake.tokenRequestCount(), "a corrupt cache is replaced");
      assertTrue(Files.readString(tokenFile).contains("obtainedAt"), "by a good one");
    }
  }

  @Test
  void outputFormatsQueryAndNames() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Cli cli = new Cli(home).pointedAt(fake);
      String file = write("faker.yaml", "name: faker\nconfiguration:\n  sourceType: faker\n  count: 5\n");
      Cli.Result id = cli.run("sources", "create", "-f", file, "-o", "id");
      assertEquals(0, id.code(), id::toString);
      assertTrue(Api.isUuid(id.out().strip()), id::toString);

      Cli.Result json = cli.run("sources", "list");
      assertTrue(json.out().startsWith("[") && json.out().contains("\"name\": \"faker\""), "JSON when piped\n" + json);
      Cli.Result yaml = cli.run("sources", "get", "faker", "-o", "yaml");
      assertTrue(yaml.out().contains("name: faker") && yaml.out().contains("count: 5"), yaml::toString);
      Cli.Result table = cli.run("sources", "list", "-o", "table");
      assertTrue(table.out().startsWith("SOURCE_ID") && table.out().contains("faker"), table::toString);
      assertFalse(table.out().contains("\u001b["), "no colour off a terminal");
      assertEquals("faker\n", cli.run("sources", "list", "-o", "name").out());
      Cli.Result query = cli.run("sources", "list", "--query", "[].{n: name, c: configuration.count}");
      assertTrue(query.out().replaceAll("\\s", "").equals("[{\"n\":\"faker\",\"c\":5}]"), query::toString);
      Cli.Result badQuery = cli.run("sources", "list", "--query", "[?");
      assertEquals(ExitCodes.USAGE, badQuery.code(), badQuery::toString);

      assertEquals(0, cli.run("sources", "create", "-f", file).code());
      Cli.Result twice = cli.run("sources", "get", "faker");
      assertEquals(ExitCodes.ERROR, twice.code(), twice::toString);
      assertEquals(2, twice.err().split("[0-9a-f]{8}-[0-9a-f]{4}-").length - 1, "lists both ids\n" + twice);
      Cli.Result missing = cli.run("sources", "get", "nope");
      assertEquals(ExitCodes.NOT_FOUND, missing.code(), missing::toString);

      Cli.Result refused = cli.run("sources", "delete", id.out().strip());
      assertEquals(ExitCodes.USAGE, refused.code(), "no terminal, no --yes\n" + refused);
      assertEquals(0, cli.run("sources", "delete", id.out().strip(), "--yes").code());
      assertEquals(1, cli.run("sources", "list", "-o", "id").out().strip().lines().count());

      Cli.Result workspaces = cli.run("workspaces", "list", "-o", "name");
      assertEquals("Default Workspace\n", workspaces.out(), workspaces::toString);
      Cli.Result definitions = cli.run("connector-definitions", "list", "--type", "destination", "--query",
          "[?name=='End-to-End Testing (/dev/null)'].id");
      assertTrue(definitions.out().contains("a7bcc9d8-13b3-4e49-b80d-d020b90045e3"), definitions::toString);
      Cli.Result users = cli.run("users", "list", "-o", "id");
      assertEquals(fake.defaultUserId() + "\n", users.out(), users::toString);
      Cli.Result streams = cli.run("streams", "list", "--source", "faker", "-o", "name");
      assertTrue(streams.out().contains("users"), streams::toString);
    }
  }

  @Test
  void plantedSecretsNeverReachStdoutOrStderrAtAnyVerbosity() {
    String clientSecret = "planted-client-secret-7f3a";
    String password = "planted-password-91cc";
    try (FakeAirbyte fake = FakeAirbyte.builder().clientSecret(clientSecret).start()) {
      Cli cli = new Cli(home).pointedAt(fake);
      cli.env.put("PG_PASSWORD", password);
      String file = write("pg.yaml", "name: pg\nconfiguration:\n  sourceType: postgres\n  host: db\n  port: 5432\n"
          + "  database: app\n  username: u\n  password: ${PG_PASSWORD}\n");
      String token = cli.run("auth", "token").out().strip();
      assertFalse(token.isEmpty());
      List<Cli.Result> results = new java.util.ArrayList<>();
      for (String[] flags : List.of(new String[0], new String[] {"-v", "--debug"})) {
        results.add(cli.run(concat(new String[] {"sources", "create", "-f", file}, flags)));
        results.add(cli.run(concat(new String[] {"sources", "list", "-o", "yaml"}, flags)));
        results.add(cli.run(concat(new String[] {"api", "-i", "/sources"}, flags)));
        results.add(cli.run(concat(new String[] {"api", "-X", "POST", "/applications/token", "-f", "client_id="
            + fake.clientId(), "-f", "client_secret=" + clientSecret, "-f", "grant-type=client_credentials"}, flags)));
        results.add(cli.run(concat(new String[] {"doctor"}, flags)));
        results.add(cli.run(concat(new String[] {"auth", "status"}, flags)));
        Cli wrong = new Cli(home.resolve("wrong")).pointedAt(fake);
        wrong.env.put("AIRBYTE_CLIENT_SECRET", clientSecret + "-wrong");
        results.add(wrong.run(concat(new String[] {"sources", "list"}, flags)));
      }
      for (Cli.Result r : results) {
        assertFalse(r.all().contains(clientSecret), "client secret printed\n" + r);
        assertFalse(r.all().contains(password), "password printed\n" + r);
        assertFalse(r.all().contains(token), "token printed\n" + r);
      }
      assertTrue(results.get(2).out().startsWith("HTTP 200"), results.get(2)::toString);
      assertFalse(results.get(2).out().toLowerCase().contains("authorization"), results.get(2)::toString);
      assertTrue(results.get(13).err().contains("\tat "), "--debug prints the stack trace\n" + results.get(13));
      assertTrue(results.get(8).err().contains("* GET /v1/sources -> 200"), "-v shows each call\n" + results.get(8));
      assertEquals(ExitCodes.AUTH, results.get(6).code(), results.get(6)::toString);
    }
  }

  @Test
  void planDetailedExitcodeApplyTwiceAndExport() throws IOException {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Cli cli = new Cli(home).pointedAt(fake);
      cli.env.put("PG_PASSWORD", "s3cret-for-plan");
      Path dir = Files.createDirectories(home.resolve("state"));
      Files.writeString(dir.resolve("default.yaml"), """
          workspace: Default Workspace
          sources:
            - name: pg
              connector: postgres
              configuration: { host: db, port: 5432, database: app, username: u, password: "${PG_PASSWORD}" }
          destinations:
            - name: nowhere
              connector: dev-null
              configuration: { test_destination: { test_destination_type: SILENT } }
          connections:
            - name: pg-to-nowhere
              source: pg
              destination: nowhere
          """);
      Cli.Result plan = cli.run("plan", dir.toString(), "--detailed-exitcode");
      assertEquals(ExitCodes.CHANGES, plan.code(), plan::toString);
      assertTrue(plan.out().contains("Plan: 3 to create"), plan::toString);
      assertEquals(0, cli.run("plan", dir.toString()).code(), "without the flag, changes exit 0");
      Cli.Result noApproval = cli.run("apply", dir.toString());
      assertEquals(ExitCodes.USAGE, noApproval.code(), noApproval::toString);

      Cli.Result apply = cli.run("apply", dir.toString(), "--auto-approve");
      assertEquals(0, apply.code(), apply::toString);
      assertTrue(apply.out().contains("Apply complete: 3 changes made."), apply::toString);
      fake.clearRequests();
      Cli.Result again = cli.run("apply", dir.toString(), "--auto-approve");
      assertEquals(0, again.code(), again::toString);
      assertTrue(fake.requests().stream().map(ReceivedRequest::method).allMatch(m -> m.equals("GET")),
          "the second apply writes nothing (and its token comes from the cache): " + fake.requests());
      assertEquals(0, cli.run("plan", dir.toString(), "--detailed-exitcode").code());
      assertFalse(plan.all().contains("s3cret-for-plan") || apply.all().contains("s3cret-for-plan"));

      Path exported = home.resolve("exported");
      Cli.Result export = cli.run("export", "Default Workspace", exported.toString());
      assertEquals(0, export.code(), export::toString);
      assertTrue(Files.readString(exported.resolve("Default-Workspace.yaml")).contains("${PG_PROD_PASSWORD}")
          || Files.readString(exported.resolve("Default-Workspace.yaml")).contains("${PG_PASSWORD}"));
      cli.env.put("PG_PASSWORD", "x");
      Cli.Result replan = cli.run("plan", exported.toString(), "--detailed-exitcode");
      assertEquals(0, replan.code(), "an export plans with no change\n" + replan);

      Files.writeString(dir.resolve("broken.yaml"), "workspace: Default Workspace\nsources:\n  - name: x\n"
          + "    connector: no-such-connector\n");
      Cli.Result broken = cli.run("plan", dir.toString(), "--detailed-exitcode");
      assertEquals(ExitCodes.USAGE, broken.code(), broken::toString);
      assertTrue(broken.err().contains("broken.yaml:"), broken::toString);
    }
  }

  @Test
  void syncWaitsShowsProgressAndAFailedSyncExits6WithItsReason() {
    try (FakeAirbyte fake = FakeAirbyte.builder().jobDuration(Duration.ofSeconds(2)).start()) {
      Cli cli = new Cli(home).pointedAt(fake);
      cli.run("sources", "create", "-f", write("s.yaml", "name: faker\nconfiguration: { sourceType: faker }\n"));
      cli.run("destinations", "create", "-f", write("d.yaml", "name: nowhere\nconfiguration: { destinationType:"
          + " dev-null, test_destination: { test_destination_type: SILENT } }\n"));
      Cli.Result connection = cli.run("connections", "create", "-f", write("c.yaml",
          "name: orders\nsourceId: faker\ndestinationId: nowhere\n"));
      assertEquals(0, connection.code(), connection::toString);

      Cli.Result done = cli.run("sync", "orders", "--wait");
      assertEquals(0, done.code(), done::toString);
      assertTrue(done.err().startsWith("Started sync job"), done::toString);
      assertTrue(done.err().contains("rows") && done.out().contains("\"status\": \"succeeded\""), done::toString);

      fake.nextJobEndsAs("failed");
      Cli.Result failed = cli.run("sync", "orders", "--wait");
      assertEquals(ExitCodes.SYNC_FAILED, failed.code(), failed::toString);
      assertTrue(failed.err().contains("ended failed: no reason from the public API"), failed::toString);

      // With Airbyte's internal Config API asked (opt-in), the reason, and the logs.
      fake.nextJobEndsAs("failed");
      fake.setFailure(3, FakeFailure.of("source", "config_error", "Invalid credentials."));
      fake.setLogLines(3, List.of("reading stream users", "source failed"));
      String configApi = "--internal-config-api=" + fake.configApiUrl();
      Cli.Result why = cli.run("sync", "orders", "--wait", configApi);
      assertEquals(ExitCodes.SYNC_FAILED, why.code(), why::toString);
      assertTrue(why.err().contains("ended failed: source config_error: Invalid credentials."), why::toString);
      Cli.Result logs = cli.run("jobs", "logs", "3", configApi);
      assertEquals(0, logs.code(), logs::toString);
      assertTrue(logs.out().contains("reading stream users"), logs::toString);
      Cli.Result noLogs = cli.run("jobs", "logs", "3");
      assertEquals(ExitCodes.USAGE, noLogs.code(), "logs need the opt-in\n" + noLogs);

      Cli.Result jobs = cli.run("jobs", "list", "--connection", "orders", "-o", "id");
      assertEquals(3, jobs.out().strip().lines().count(), jobs::toString);
      String newest = jobs.out().lines().findFirst().orElseThrow();
      assertEquals(0, cli.run("jobs", "get", newest).code());
      assertEquals(ExitCodes.NOT_FOUND, cli.run("jobs", "get", "999").code());
      Cli.Result waited = cli.run("jobs", "wait", newest);
      assertEquals(ExitCodes.SYNC_FAILED, waited.code(), waited::toString);
    }
    try (FakeAirbyte slow = FakeAirbyte.builder().jobDuration(Duration.ofMinutes(10)).start()) {
      Cli cli = new Cli(home.resolve("slow")).pointedAt(slow);
      cli.run("sources", "create", "-f", write("s.yaml", "name: faker\nconfiguration: { sourceType: faker }\n"));
      cli.run("destinations", "create", "-f", write("d.yaml", "name: nowhere\nconfiguration: { destinationType:"
          + " dev-null, test_destination: { test_destination_type: SILENT } }\n"));
      cli.run("connections", "create", "-f", write("c.yaml", "name: orders\nsourceId: faker\ndestinationId: nowhere\n"));
      Cli.Result started = cli.run("sync", "orders");
      assertEquals(0, started.code(), started::toString);
      assertTrue(started.err().startsWith("Started sync job"), started::toString);
      Cli.Result timedOut = cli.run("sync", "orders", "--wait", "--timeout", "1s", "--cancel-on-timeout");
      assertTrue(timedOut.err().startsWith("Joined running sync job"), "never a second sync\n" + timedOut);
      assertEquals(ExitCodes.TIMEOUT, timedOut.code(), timedOut::toString);
      assertTrue(timedOut.err().contains("cancelled it"), timedOut::toString);
    }
  }

  @Test
  void apiCallsAnyEndpointPaginatesAndReportsProblems() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Cli cli = new Cli(home).pointedAt(fake);
      for (String name : List.of("a", "b", "c")) {
        Cli.Result tag = cli.run("api", "/tags", "-f", "name=" + name, "-f", "color=FF0000", "-f", "workspaceId="
            + fake.defaultWorkspaceId());
        assertEquals(0, tag.code(), "fields mean POST\n" + tag);
      }
      Cli.Result refused = cli.run("api", "/sources", "-f", "name=x", "-F", "configuration=null");
      assertEquals(ExitCodes.ERROR, refused.code(), refused::toString);
      assertTrue(refused.err().contains("POST /v1/sources: 400"), "the problem's status, title, detail\n" + refused);
      assertOneCleanLine(refused);
      Cli.Result all = cli.run("api", "/tags", "--query", "length(data)");
      assertEquals("3", all.out().strip(), all::toString);
      for (String name : List.of("a", "b", "c")) {
        cli.run("sources", "create", "-f", write(name + ".yaml", "name: " + name
            + "\nconfiguration: { sourceType: faker }\n"));
      }
      Cli.Result paged = cli.run("api", "/sources?limit=2", "--paginate", "--query", "[].name");
      assertEquals(0, paged.code(), paged::toString);
      assertEquals("[\"a\",\"b\",\"c\"]", paged.out().replaceAll("\\s", ""), "every page\n" + paged);
      Cli.Result notFound = cli.run("api", "/sources/00000000-0000-0000-0000-000000000000");
      assertEquals(ExitCodes.NOT_FOUND, notFound.code(), notFound::toString);
      assertTrue(notFound.err().contains("404"), notFound::toString);
      assertOneCleanLine(notFound);
      Cli.Result input = cli.runWithInput("{\"name\": \"d\", \"color\": \"00FF00\", \"workspaceId\": \""
          + fake.defaultWorkspaceId() + "\"}", "api", "/tags", "--input", "-");
      assertEquals(0, input.code(), input::toString);
    }
  }

  @Test
  void connectorsAreDescribedAndValidatedOffline() {
    Cli cli = new Cli(home);
    Cli.Result list = cli.run("connectors", "list", "--type", "destination", "-o", "name");
    assertEquals(0, list.code(), list::toString);
    assertTrue(list.out().lines().anyMatch("dev-null"::equals), list::toString);
    Cli.Result describe = cli.run("connectors", "describe", "postgres", "--query",
        "fields[?path=='password'].[secret, required]");
    assertEquals("[[true,false]]", describe.out().replaceAll("\\s", ""), describe::toString);
    Cli.Result variants = cli.run("connectors", "describe", "postgres", "--query", "fields[?path=='ssl_mode'].variants");
    assertTrue(variants.out().contains("verify-full"), variants::toString);
    Cli.Result valid = cli.run("connectors", "validate", write("ok.yaml", "name: pg\nconfiguration: { sourceType:"
        + " postgres, host: db, port: 5432, database: app, username: u }\n"));
    assertEquals(0, valid.code(), valid::toString);
    Cli.Result invalid = cli.run("connectors", "validate", write("nok.yaml", "name: pg\nconfiguration: { sourceType:"
        + " postgres, host: db, port: nope }\n"));
    assertEquals(ExitCodes.USAGE, invalid.code(), invalid::toString);
    assertTrue(invalid.err().contains("database") && invalid.err().contains("port"), invalid::toString);
    assertOneCleanLine(invalid);
  }

  @Test
  void doctorChecksEachStepAndCompletionCoversCommands() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      Cli cli = new Cli(home).pointedAt(fake);
      Cli.Result ok = cli.run("doctor");
      assertEquals(0, ok.code(), ok::toString);
      assertEquals(6, ok.out().lines().filter(l -> l.startsWith("ok ")).count(), ok::toString);
      assertTrue(ok.out().contains("ok   clock      within"), "the fake's Date agrees with this machine\n" + ok);
      cli.env.put("AIRBYTE_API_URL", "http://127.0.0.1:9/v1");
      Cli.Result down = cli.run("doctor");
      assertNotEquals(0, down.code(), down::toString);
      assertTrue(down.out().contains("FAIL reachable") && down.out().contains("check the URL"), down::toString);
      Cli.Result unreachable = cli.run("sources", "list");
      assertEquals(ExitCodes.ERROR, unreachable.code(), unreachable::toString);
      assertOneCleanLine(unreachable);
    }
    try (FakeAirbyte late = FakeAirbyte.builder()
        .clock(new ManualClock(Instant.now().minus(Duration.ofMinutes(10)))).start()) {
      Cli.Result skewed = new Cli(home).pointedAt(late).run("doctor");
      assertNotEquals(0, skewed.code(), skewed::toString);
      assertTrue(skewed.out().contains("FAIL clock") && skewed.out().contains("sync the clock"), skewed::toString);
    }
    Cli cli = new Cli(home);
    Cli.Result bash = cli.run("completion", "bash");
    assertEquals(0, bash.code(), bash::toString);
    assertTrue(bash.out().contains("sources") && bash.out().contains("--workspace") && bash.out().contains("complete"),
        "commands and flags");
    assertTrue(cli.run("completion", "zsh").out().contains("bashcompinit"));
  }

  private String write(String name, String text) {
    try {
      return Files.writeString(home.resolve(name), text).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
