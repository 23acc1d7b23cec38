package io.github.airbytejava.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@link Provisioner#apply(Plan)} did: the changes made, the one that failed (with its error) and those not
 * tried. Planning again after fixing the cause picks up where it stopped.
 */
public final class ApplyResult {
  private final List<ResourceChange> applied;
  private final ResourceChange failed;
  private final RuntimeException error;
  private final List<ResourceChange> remaining;
  /** By {@code workspace/TYPE/name}. */
  private final Map<String, UUID> ids;

  ApplyResult(List<ResourceChange> applied, ResourceChange failed, RuntimeException error,
      List<ResourceChange> remaining, Map<String, UUID> ids) {
    this.applied = List.copyOf(applied);
    this.failed = failed;
    this.error = error;
    this.remaining = List.copyOf(remaining);
    this.ids = new LinkedHashMap<>(ids);
  }

  /**
   * The id of a resource of the plan by its type and name (unchanged, updated or created by this apply), so that
   * provision-then-sync needs no list: {@code client.jobs().sync(result.id(CONNECTION, "pg-to-bq").orElseThrow())}.
   * Empty for a resource not created (the apply stopped first) or deleted. With states of several workspaces, a
   * name used in more than one is ambiguous: use {@link #id(UUID, ResourceChange.Type, String)}.
   *
   * @throws IllegalArgumentException when resources of this type and name exist in several workspaces of the plan
   */
  public Optional<UUID> id(ResourceChange.Type type, String name) {
    String suffix = "/" + type + "/" + name;
    List<UUID> found = ids.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).map(Map.Entry::getValue)
        .toList();
    if (found.size() > 1) {
      throw new IllegalArgumentException(found.size() + " workspaces have a " + type.label() + " named \"" + name
          + "\": give the workspace id");
    }
    return found.stream().findFirst();
  }

  /** The id of a resource of the plan in one workspace; see {@link #id(ResourceChange.Type, String)}. */
  public Optional<UUID> id(UUID workspaceId, ResourceChange.Type type, String name) {
    return Optional.ofNullable(ids.get(workspaceId + "/" + type + "/" + name));
  }

  /** Whether every change was made. */
  public boolean succeeded() {
    return failed == null;
  }

  public List<ResourceChange> applied() {
    return applied;
  }

  /** The change that failed, or null. */
  public ResourceChange failed() {
    return failed;
  }

  /** Why it failed (an {@link io.github.airbytejava.AirbyteException}), or null. */
  public RuntimeException error() {
    return error;
  }

  /** The changes after the failed one, not tried. */
  public List<ResourceChange> remaining() {
    return remaining;
  }

  /** This result when it succeeded; else throws its error, with this result's summary as a suppressed note. */
  public ApplyResult orThrow() {
    if (error != null) {
      error.addSuppressed(new IllegalStateException(summary()));
      throw error;
    }
    return this;
  }

  /** {@code Apply complete: 3 changes made.} or what was made, what failed and what is left. */
  public String summary() {
    if (failed == null) return "Apply complete: " + applied.size() + (applied.size() == 1 ? " change" : " changes")
        + " made.";
    StringBuilder out = new StringBuilder("Apply stopped: ").append(applied.size()).append(" made, ")
        .append(failed.action().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(failed.describe())
        .append(" failed (").append(error.getMessage()).append("), ").append(remaining.size()).append(" not tried");
    if (!remaining.isEmpty()) {
      out.append(':');
      for (ResourceChange c : remaining) {
        out.append("\n  ").append(c.action().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
            .append(c.describe());
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
