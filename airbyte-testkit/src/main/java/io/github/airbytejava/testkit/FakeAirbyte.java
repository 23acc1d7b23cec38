package io.github.airbytejava.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;

/**
 * An Airbyte API server in memory, on loopback, for tests and examples.
 *
 * <pre>{@code
 * try (FakeAirbyte fake = FakeAirbyte.start()) {
 *   String baseUrl = fake.baseUrl();            // http://127.0.0.1:PORT/v1
 *   // point a client at baseUrl with fake.clientId() and fake.clientSecret()
 *   fake.faults().next(Fault.status(429).retryAfterSeconds(2));
 *   ...
 *   fake.assertConformant();                    // every request and answer matched the spec
 * }
 * }</pre>
 *
 * <p>It implements every operation of the API: the token exchange ({@code POST /applications/token}, JSON body),
 * workspaces, sources, destinations, connections and their streams, tags, definitions, jobs that go pending, running,
 * then succeeded over {@link Builder#jobDuration} of its {@link Builder#clock} (so a test with a {@link ManualClock}
 * advances time instead of sleeping), and organizations, users, permissions, groups, applications, regions,
 * dataplanes, OAuth and embedded. It answers as the real server does: problem objects as {@code application/json},
 * {@code next} set on every non-empty page and {@code ""} on an empty one, 404 for unknown ids, 409 for a second job
 * of a connection whose job has not ended, 401 for missing, unknown or expired tokens, server-side defaults and
 * checks (see the module's README). A test can {@linkplain #stubs() stub} any operation's reply.
 *
 * <p>It starts with one workspace, {@link #defaultWorkspaceId()}, in one organization, with one user and one
 * application (its client credentials), and offers every connector of the connector facts under the id Airbyte's
 * registry gives it.
 *
 * <p>Unless turned off ({@link Builder#conformance}), it checks every request it receives and every answer it gives
 * against the project's OpenAPI description and keeps what does not match: see {@link #mismatches()} and
 * {@link #assertConformant()}.
 *
 * <p>Thread-safe. Also runs on its own: {@code java io.github.airbytejava.testkit.FakeAirbyte --port 8000}
 * (see {@link #main}).
 */
public final class FakeAirbyte implements AutoCloseable {

  private static final Set<ChronoUnit> BASIC_SCHEDULE_UNITS =
      Set.of(ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS, ChronoUnit.WEEKS, ChronoUnit.MONTHS);

  private final MockWebServer server;
  private final FakeDispatcher dispatcher;
  private final Api api;
  private final Faults faults;
  private final Conformance conformance;
  private final String baseUrl;
  private final String clientId;
  private final String clientSecret;

  private FakeAirbyte(Builder b) {
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.api = new Api(new Context.Settings(b.clientId, b.clientSecret, b.tokenLifetime, b.jobDuration, b.jobRows,
        b.clock));
    this.faults = new Faults();
    this.conformance = b.conformance ? Conformance.load(b.spec) : null;
    this.dispatcher = new FakeDispatcher(api, faults, conformance, b.basePath, b.mismatchListener, b.clock);
    this.server = new MockWebServer();
    server.setDispatcher(dispatcher);
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    try {
      // Loopback only: the fake is for this machine's tests, never for the network.
      server.start(InetAddress.getByName("127.0.0.1"), b.port);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the fake Airbyte on 127.0.0.1:" + b.port, e);
    }
    this.baseUrl = "http://127.0.0.1:" + server.getPort() + b.basePath;
    api.baseUrl(baseUrl);
  }

  /** Starts a fake with the defaults of {@link Builder}: a free port, base path {@code /v1}, conformance checked. */
  public static FakeAirbyte start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The base URL to give a client, without a trailing slash: {@code http://127.0.0.1:PORT/v1}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@code baseUrl() + "/applications/token"}. */
  public String tokenUrl() {
    return baseUrl + "/applications/token";
  }

  public int port() {
    return server.getPort();
  }

  /** The client id the token endpoint accepts. */
  public String clientId() {
    return clientId;
  }

  /** The client secret the token endpoint accepts. */
  public String clientSecret() {
    return clientSecret;
  }

  /**
   * The fake's settings as the environment variables a client reads: {@code AIRBYTE_API_URL} ({@link #baseUrl()}),
   * {@code AIRBYTE_CLIENT_ID} and {@code AIRBYTE_CLIENT_SECRET}, so one line builds a client for it, e.g.
   * {@code AirbyteClient.fromEnv(fake.env())}. Holds the (test) client secret.
   */
  public Map<String, String> env() {
    return Map.of("AIRBYTE_API_URL", baseUrl, "AIRBYTE_CLIENT_ID", clientId, "AIRBYTE_CLIENT_SECRET", clientSecret);
  }

  /** The workspace the fake starts with (and keeps across {@link #reset()}). */
  public UUID defaultWorkspaceId() {
    return UUID.fromString(api.defaultWorkspaceId());
  }

  /** The organization the fake starts with, which owns every workspace not created in another. */
  public UUID defaultOrganizationId() {
    return UUID.fromString(api.defaultOrganizationId());
  }

  /** The user the API's caller is: {@code organization_admin} of {@link #defaultOrganizationId()}. */
  public UUID defaultUserId() {
    return UUID.fromString(api.defaultUserId());
  }

  /**
   * Adds a user to the fake's organization, as signing up or an invitation would (the API cannot create users), for
   * permissions, groups and {@code GET /users}. Users added go at {@link #reset()}.
   *
   * @return the new user's id
   * @throws IllegalArgumentException if a user already has this e-mail address
   */
  public UUID addUser(String name, String email) {
    return UUID.fromString(api.addUser(Objects.requireNonNull(name, "name"), Objects.requireNonNull(email, "email")));
  }

  /** The replies a test chose for operations, in place of the fake's (see {@link Stub}). */
  public Stubs stubs() {
    return api.stubs();
  }

  /** The queue of faults to inject into the next requests. */
  public Faults faults() {
    return faults;
  }

  /** How many requests reached the fake, token requests and faulted ones included. */
  public int requestCount() {
    return dispatcher.requests().size();
  }

  /** How many token requests ({@code POST /applications/token}) reached the fake. */
  public int tokenRequestCount() {
    return dispatcher.tokenRequestCount();
  }

  /** Every request that reached the fake, in order of arrival. */
  public List<ReceivedRequest> requests() {
    return dispatcher.requests();
  }

  /** Forgets the requests seen so far: {@link #requestCount()} and {@link #tokenRequestCount()} start again at 0. */
  public void clearRequests() {
    dispatcher.clearRequests();
  }

  /**
   * What did not match the spec so far, one line per problem, e.g. {@code request GET /v1/sources?limit=500:
   * validation.request.parameter.schema.maximum: ...}. Empty when the check is off.
   */
  public List<String> mismatches() {
    return dispatcher.mismatches();
  }

  /** Forgets the mismatches so far, e.g. after a test that sends a bad request on purpose. */
  public void clearMismatches() {
    dispatcher.clearMismatches();
  }

  /** Throws an {@link AssertionError} listing the mismatches, if there are any. */
  public void assertConformant() {
    List<String> mismatches = mismatches();
    if (!mismatches.isEmpty()) {
      throw new AssertionError(mismatches.size() + " exchange(s) with the fake Airbyte did not match the spec"
          + (conformance == null ? "" : " (" + conformance.source() + ")") + ":\n  "
          + String.join("\n  ", mismatches));
    }
  }

  /**
   * What the fake stores as a source's or destination's configuration, as JSON, secrets unmasked (reads answer them
   * masked): for tests of what a create, PATCH or PUT did to a secret. Null when there is no such source or
   * destination.
   */
  public String storedConfiguration(UUID sourceOrDestinationId) {
    return api.storedConfiguration(Objects.requireNonNull(sourceOrDestinationId, "sourceOrDestinationId").toString());
  }

  /** Makes every token issued so far expire now, so the next API call with one gets 401. */
  public void expireTokens() {
    api.expireTokens();
  }

  /**
   * Gives a source the streams discovery finds in it, for {@code GET /streams} and for checking and completing the
   * stream configurations of its connections. Replaces what {@link #setDefaultStreams} or the sample catalog gave it.
   *
   * @throws IllegalArgumentException if the fake has no such source
   */
  public void setStreams(UUID sourceId, List<FakeStream> streams) {
    api.setStreams(Objects.requireNonNull(sourceId, "sourceId").toString(), List.copyOf(streams));
  }

  /**
   * Gives every source of this definition (a definition id) these streams, unless {@link #setStreams} gave one its
   * own. Without either, a source has its definition's sample catalog (see the testkit's README).
   */
  public void setDefaultStreams(UUID definitionId, List<FakeStream> streams) {
    api.setDefaultStreams(Objects.requireNonNull(definitionId, "definitionId").toString(), List.copyOf(streams));
  }

  /**
   * Gives a connection a basic schedule, one that Airbyte's UI makes and the API cannot: reads then answer
   * {@code {"scheduleType": "basic", "basicTiming": "Every 24 HOURS"}}. {@code unit} is one of minutes, hours, days,
   * weeks and months.
   *
   * @throws IllegalArgumentException if the fake has no such connection, or for another unit
   */
  public void setBasicSchedule(UUID connectionId, long units, ChronoUnit unit) {
    if (!BASIC_SCHEDULE_UNITS.contains(unit) || units < 1) {
      throw new IllegalArgumentException("A basic schedule is a positive number of " + BASIC_SCHEDULE_UNITS
          + ", not " + units + " " + unit);
    }
    api.setBasicSchedule(Objects.requireNonNull(connectionId, "connectionId").toString(), "Every " + units + " " + unit.name());
  }

  /**
   * Makes the next job created end as {@code status} ({@code failed}, {@code cancelled} or {@code succeeded}) after
   * its one attempt, instead of succeeded. Calls queue up, one per job.
   *
   * @throws IllegalArgumentException for another status, {@code incomplete} included: an incomplete job is one
   *     Airbyte retries (see {@link #nextJobAttempts})
   */
  public void nextJobEndsAs(String status) {
    api.nextJobEndsAs(Objects.requireNonNull(status, "status"));
  }

  /**
   * Gives the next job created these attempts, as Airbyte retries a job whose attempt failed: every attempt but the
   * last is {@code failed}, after which the job is {@code incomplete} (not ended) for a tenth of
   * {@link Builder#jobDuration} until the next attempt runs; the last attempt's outcome ({@code succeeded},
   * {@code failed} or {@code cancelled}) is the job's. Each attempt takes {@code jobDuration}. For "incomplete,
   * retried, then succeeded": {@code nextJobAttempts("failed", "succeeded")}. Calls queue up with
   * {@link #nextJobEndsAs}, one per job.
   */
  public void nextJobAttempts(String first, String... more) {
    List<String> attempts = new java.util.ArrayList<>();
    attempts.add(Objects.requireNonNull(first, "first"));
    for (String outcome : more) {
      attempts.add(Objects.requireNonNull(outcome, "outcome"));
    }
    api.nextJobAttempts(attempts);
  }

  /**
   * Makes the next job created end {@code succeeded} having moved nothing: 0 rows and 0 bytes, in the public API, the
   * Config API and the success webhook alike, as Airbyte reports a sync it failed to launch (airbytehq/airbyte#85355).
   * Calls queue up with {@link #nextJobEndsAs}, one per job.
   */
  public void nextJobSucceedsWithZeroCounts() {
    api.nextJobSucceedsWithZeroCounts();
  }

  /**
   * Why the failed attempts of this job failed, for the Config API's {@code failureSummary} and the failure
   * webhook. Without it a failed attempt reports a {@code source} {@code system_error} saying which attempt it was.
   * May be set before the job exists (job ids count up from 1 after {@link #reset()}).
   */
  public void setFailure(long jobId, FakeFailure failure) {
    api.setFailure(jobId, Objects.requireNonNull(failure, "failure"));
  }

  /**
   * The formatted log lines the Config API's {@code jobs/get} gives for this job's last attempt (its earlier attempts
   * keep a two-line default log). For logs of megabytes, pass as many lines as needed.
   */
  public void setLogLines(long jobId, List<String> lines) {
    api.setLogLines(jobId, List.copyOf(lines));
  }

  /**
   * The root of the fake's internal Config API, {@code http://127.0.0.1:PORT/api/v1}, for a client's
   * {@code internalConfigApiUrl}: it serves {@code jobs/get}, {@code jobs/get_without_logs} and
   * {@code attempt/get_for_job} with the public API's tokens. With {@link Builder#basePath} {@code /api/public/v1},
   * it is where a client derives it to be.
   */
  public String configApiUrl() {
    return "http://127.0.0.1:" + server.getPort() + ConfigApi.ROOT;
  }

  /**
   * The webhook POSTs the fake made so far, oldest first: when a job ends in a workspace whose {@code success} or
   * {@code failure} notification has an enabled webhook ({@code PATCH /workspaces/{id}} with {@code notifications}),
   * the fake POSTs Airbyte's body to it, off the request thread, with short timeouts and at most 3 tries, and only to
   * a loopback URL (any other is recorded as not sent). A delivery is recorded once it is done.
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return api.webhookDeliveries();
  }

  /**
   * Back to the starting state: only the default workspace, no jobs, no faults or stubs, no recorded requests or
   * mismatches.
   * Tokens already issued stay valid.
   */
  public void reset() {
    api.reset();
    faults.clear();
    dispatcher.clearRequests();
    dispatcher.clearMismatches();
  }

  /** For this module's tests. */
  Api api() {
    return api;
  }

  /**
   * Delays every answer (faults excepted) by {@code latency}, as a distant server would; concurrent requests wait
   * side by side. Zero (the default) answers at once. Can be changed while the fake runs, e.g. after seeding it.
   */
  public void latency(java.time.Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    dispatcher.latency(latency.toMillis());
  }

  /** For this module's tests: rewrites the JSON bodies of the fake's own answers before they are checked and sent. */
  void tamperResponses(UnaryOperator<String> rewrite) {
    dispatcher.tamper(rewrite);
  }

  /** Stops the server; connections still open are closed. */
  @Override
  public void close() {
    api.close();
    server.close();
  }

  /** The base URL only: the client secret stays out of logs. */
  @Override
  public String toString() {
    return "FakeAirbyte[" + baseUrl + "]";
  }

  /**
   * Runs the fake until the process is stopped, and prints its base URL.
   *
   * <pre>
   * --port N                 port on 127.0.0.1 (default 8000; 0 for a free one)
   * --client-id ID           accepted client id (default fake-client-id)
   * --client-secret SECRET   accepted client secret (default fake-client-secret)
   * --base-path PATH         /v1 (default) or /api/public/v1, as a self-managed server
   * --token-lifetime SECONDS lifetime of issued tokens (default 900)
   * --job-duration SECONDS   how long a job runs (default 3)
   * --no-conformance         do not check exchanges against the spec (mismatches are printed on stderr otherwise)
   * </pre>
   */
  public static void main(String[] args) throws InterruptedException {
    FakeAirbyte fake = startFromArgs(args, System.out);
    if (fake == null) {
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      fake.close();
      stopped.countDown();
    }, "fake-airbyte-shutdown"));
    System.out.println("Stop with Ctrl-C.");
    stopped.await();
  }

  /** {@link #main} without the waiting: starts a fake from command-line options, or prints help and returns null. */
  static FakeAirbyte startFromArgs(String[] args, PrintStream out) {
    Builder builder = builder().port(8000).mismatchListener(line -> System.err.println("spec mismatch: " + line));
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> builder.port(Integer.parseInt(value(args, ++i, arg)));
        case "--client-id" -> builder.clientId(value(args, ++i, arg));
        case "--client-secret" -> builder.clientSecret(value(args, ++i, arg));
        case "--base-path" -> builder.basePath(value(args, ++i, arg));
        case "--token-lifetime" -> builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value(args, ++i, arg))));
        case "--job-duration" -> builder.jobDuration(Duration.ofSeconds(Long.parseLong(value(args, ++i, arg))));
        case "--no-conformance" -> builder.conformance(false);
        case "--help", "-h" -> {
          out.println("Usage: FakeAirbyte [--port N] [--client-id ID] [--client-secret SECRET] "
              + "[--base-path /v1|/api/public/v1] [--token-lifetime SECONDS] [--job-duration SECONDS] "
              + "[--no-conformance]");
          return null;
        }
        default -> throw new IllegalArgumentException("Unknown option: " + arg + " (try --help)");
      }
    }
    FakeAirbyte fake = builder.start();
    out.println("Fake Airbyte listening at " + fake.baseUrl());
    out.println("  client id:     " + fake.clientId());
    out.println("  client secret: " + fake.clientSecret());
    out.println("  workspace:     " + fake.defaultWorkspaceId());
    return fake;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** Settings of a fake; every one has a default. Not thread-safe; {@link #start()} may be called more than once. */
  public static final class Builder {
    private String clientId = "fake-client-id";
    private String clientSecret = "fake-client-secret";
    private Duration tokenLifetime = Duration.ofMinutes(15);
    private Duration jobDuration = Duration.ofSeconds(3);
    private long jobRows = 10_000;
    private Clock clock = Clock.systemUTC();
    private int port;
    private String basePath = "/v1";
    private boolean conformance = true;
    private Path spec;
    private Consumer<String> mismatchListener;

    private Builder() {
    }

    /** The client id the token endpoint accepts. Default {@code fake-client-id}. */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /** The client secret the token endpoint accepts. Default {@code fake-client-secret}. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * How long issued tokens live; {@code expires_in} says the same in whole seconds. Default 15 minutes, the
     * server's default (self-managed installs can change it, older docs say 3 minutes).
     */
    public Builder tokenLifetime(Duration tokenLifetime) {
      if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive: " + tokenLifetime);
      }
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    /**
     * How long a job takes, by the fake's clock: pending for the first tenth, running (rows and bytes growing) for
     * the rest, then ended. Default 3 seconds, short enough for examples on the real clock.
     */
    public Builder jobDuration(Duration jobDuration) {
      if (jobDuration.isNegative()) {
        throw new IllegalArgumentException("jobDuration must not be negative: " + jobDuration);
      }
      this.jobDuration = jobDuration;
      return this;
    }

    /** How many rows a succeeded sync job reports ({@code bytesSynced} is 100 bytes a row). Default 10,000. */
    public Builder jobRows(long jobRows) {
      if (jobRows < 0) {
        throw new IllegalArgumentException("jobRows must not be negative: " + jobRows);
      }
      this.jobRows = jobRows;
      return this;
    }

    /**
     * The clock for token expiry, job progress and {@code createdAt}. Default the system clock; give a
     * {@link ManualClock} to move time in tests.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The port on 127.0.0.1. Default 0: a free port, so tests can run side by side. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /** The path the API lives under. Default {@code /v1}, as Cloud; {@code /api/public/v1} as a self-managed server. */
    public Builder basePath(String basePath) {
      if (!basePath.startsWith("/") || (basePath.length() > 1 && basePath.endsWith("/"))) {
        throw new IllegalArgumentException("basePath must start with / and not end with /: " + basePath);
      }
      this.basePath = basePath.equals("/") ? "" : basePath;
      return this;
    }

    /**
     * Whether to check every exchange against the spec. Default true. The first fake in a JVM spends most of a second
     * parsing the spec; later ones share the result.
     */
    public Builder conformance(boolean conformance) {
      this.conformance = conformance;
      return this;
    }

    /**
     * The spec to check against. Default: {@code api-spec/src/main/openapi/airbyte-api.yaml} of the checkout that
     * contains the working directory, when there is one (this repository's own tests), otherwise the copy in the
     * {@code airbyte-api-spec} jar.
     */
    public Builder spec(Path spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    Builder mismatchListener(Consumer<String> listener) {
      this.mismatchListener = listener;
      return this;
    }

    /** Starts a fake with these settings. */
    public FakeAirbyte start() {
      return new FakeAirbyte(this);
    }
  }
}
