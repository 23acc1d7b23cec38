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
  private final Live.Api api;
  private final SecretResolver secrets;
  private final ConnectorFacts facts;

  private Provisioner(Builder b) {
    this.api = b.api;
    this.secrets = b.secrets;
    this.facts = b.facts;
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
    return new Planner(api, facts, secrets, changedSecrets).plan(List.copyOf(states));
  }

  /**
   * Makes the plan's changes in order, stopping at the first failure. A plan with no changes sends nothing. The
   * plan should be recent: what changed live since it was made is not seen.
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

    private Builder(Live.Api api) {
      this.api = api;
    }

    /** Where {@code ${NAME}} references get their values. If not specified, the process environment. */
    public Builder secrets(SecretResolver secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    public Provisioner build() {
      return new Provisioner(this);
    }
  }
}
