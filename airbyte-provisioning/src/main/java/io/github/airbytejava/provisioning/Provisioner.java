package io.github.airbytejava.provisioning;

import io.github.airbytejava.AirbyteClient;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Provisioning as code: compares desired {@link WorkspaceState}s with the live workspaces, returns the
 * {@link Plan}, applies it, and exports a live workspace as a desired state. Stateless: a resource is known by its
 * name within its workspace, so planning again after any change (or a failed apply) starts from what is live.
 *
 * <pre>{@code
 * Provisioner provisioner = Provisioner.builder(client).build();    // secrets from the environment
 * List<WorkspaceState> states = StateFiles.read(Path.of("airbyte/"));
 * Plan plan = provisioner.plan(states);
 * System.out.print(plan.render());
 * ApplyResult result = provisioner.apply(plan);
 * }</pre>
 *
 * <p>Planning reads only lists (sources, destinations, connections, tags and workspaces, 100 per request) and,
 * for connections whose streams are written, the source's streams; it throws a {@link ProvisioningException}
 * listing every problem of the desired states before anything is written. Thread-safe.
 */
public final class Provisioner {
  /** Requests in flight at once unless {@link Builder#concurrency(int)} says otherwise. */
  public static final int DEFAULT_CONCURRENCY = 8;

  private final Live.Api api;
  private final SecretResolver secrets;
  private final ConnectorFacts facts;
  private final int concurrency;

  private Provisioner(Builder b) {
    this.api = new Throttle(b.api, b.concurrency, b.sleeper, b.clock);
    this.secrets = b.secrets;
    this.facts = b.facts;
    this.concurrency = b.concurrency;
  }

  public static Builder builder(AirbyteClient client) {
    return new Builder(new ClientApi(Objects.requireNonNull(client, "client")));
  }

  /** Same as {@link #plan(Collection)} with one state. */
  public Plan plan(WorkspaceState state) {
    return plan(List.of(state));
  }

  /**
   * The plan for these states; a secret counts as changed only when its live value is missing.
   *
   * @throws ProvisioningException listing every problem (file and line for states read from files)
   */
  public Plan plan(Collection<WorkspaceState> states) {
    return plan(states, Set.of());
  }

  /**
   * Like {@link #plan(Collection)}, and the secrets named in {@code changedSecrets} ({@code PG_PASSWORD} for
   * {@code ${PG_PASSWORD}}) are sent again: Airbyte answers every secret masked, so only the caller can know that
   * one has a new value.
   */
  public Plan plan(Collection<WorkspaceState> states, Set<String> changedSecrets) {
    return new Planner(api, facts, secrets, changedSecrets, concurrency).plan(List.copyOf(states));
  }

  /**
   * Makes the plan's changes in order, stopping at the first failure. A plan with no changes sends nothing. Before
   * each write the live resource is read again: when it is no longer what the plan saw (a stale plan), or a
   * resource to create appeared meanwhile (another apply), that change stops with a {@link StalePlanException} and
   * nothing is written for it. Run one apply per workspace at a time.
   */
  public ApplyResult apply(Plan plan) {
    return Applier.apply(plan, new Applier.Context(api, secrets));
  }

  /**
   * A desired state that matches the live workspace: every source, destination and connection with every field
   * it has, secrets as references named after the resource and field ({@code ${PG_PROD_PASSWORD}}). Written with
   * {@link StateFiles#write}, it plans with no change.
   */
  public WorkspaceState export(UUID workspaceId) {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Live.Workspace workspace = api.workspaces().stream().filter(w -> w.id().equals(workspaceId)).findFirst()
        .orElseThrow(() -> new ProvisioningException(List.of(new Problem(null, 0, "workspace " + workspaceId,
            "no such workspace is visible to these credentials"))));
    return Exporter.export(api, facts, workspace);
  }

  /** Builds a {@link Provisioner}. */
  public static final class Builder {
    private final Live.Api api;
    private SecretResolver secrets = SecretResolver.environment();
    private ConnectorFacts facts = new TypedConnectors();
    private int concurrency = DEFAULT_CONCURRENCY;
    private io.github.airbytejava.Sleeper sleeper = io.github.airbytejava.Sleeper.SYSTEM;
    private java.time.Clock clock = java.time.Clock.systemUTC();

    private Builder(Live.Api api) {
      this.api = api;
    }

    /** Where {@code ${NAME}} references get their values. If not specified, the process environment. */
    public Builder secrets(SecretResolver secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /**
     * How many requests may be in flight at once; workspaces are planned side by side up to this many. If not
     * specified, {@value #DEFAULT_CONCURRENCY}: enough to plan hundreds of workspaces many times faster than one at
     * a time, few enough not to crowd the server. When a request is refused with 429 (after the client's own
     * retries), every request waits out the server's {@code Retry-After}, then it is sent again.
     */
    public Builder concurrency(int maxRequestsInFlight) {
      if (maxRequestsInFlight < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1: " + maxRequestsInFlight);
      }
      this.concurrency = maxRequestsInFlight;
      return this;
    }

    /** How waits after a 429 are made, and the clock they are measured by; for tests. Default: real time. */
    public Builder sleeper(io.github.airbytejava.Sleeper sleeper, java.time.Clock clock) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Provisioner build() {
      return new Provisioner(this);
    }
  }
}
