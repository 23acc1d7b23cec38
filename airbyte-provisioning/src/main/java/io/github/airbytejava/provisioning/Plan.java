package io.github.airbytejava.provisioning;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The changes that make live workspaces match their desired states, in the order {@link Provisioner#apply(Plan)}
 * makes them: tags, then sources and destinations, then connections, then deletes (connections first). Holds no
 * secret value: secrets are resolved when applied. {@link #render()} prints it like {@code terraform plan}.
 */
public final class Plan {
  private final List<ResourceChange> changes;
  private final Map<UUID, String> workspaces;
  /** The live tags of each workspace, for the connections' tag lists. */
  final Map<UUID, List<Live.Tag>> tags;
  private final List<Problem> warnings;

  Plan(List<ResourceChange> changes, Map<UUID, String> workspaces, Map<UUID, List<Live.Tag>> tags,
      List<Problem> warnings) {
    this.changes = List.copyOf(changes);
    this.workspaces = Map.copyOf(workspaces);
    this.tags = Map.copyOf(tags);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * What the plan cannot do or check as the state may expect, without stopping it: a literal secret that cannot be
   * compared with the masked live value, one reference used by several secret fields. {@link #render()} prints them.
   */
  public List<Problem> warnings() {
    return warnings;
  }

  /** Every resource of the desired states, unchanged ones included, and the deletes. */
  public List<ResourceChange> changes() {
    return changes;
  }

  /** The changes that send a request. */
  public List<ResourceChange> pending() {
    return changes.stream().filter(c -> c.action() != ResourceChange.Action.UNCHANGED).toList();
  }

  public boolean hasChanges() {
    return !pending().isEmpty();
  }

  public long count(ResourceChange.Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  /**
   * The names of the workspaces planned, by id; a workspace the plan creates has a placeholder id until applied
   * ({@link ApplyResult#id(ResourceChange.Type, String)} gives the real one).
   */
  public Map<UUID, String> workspaces() {
    return workspaces;
  }

  /** Like {@code terraform plan}: one block per change, secrets masked, then a summary line. */
  public String render() {
    StringBuilder out = new StringBuilder();
    UUID workspace = null;
    for (ResourceChange c : pending()) {
      if (!c.workspaceId().equals(workspace)) {
        workspace = c.workspaceId();
        UUID ws = workspace;
        boolean created = changes.stream().anyMatch(w -> w.type() == ResourceChange.Type.WORKSPACE
            && w.action() == ResourceChange.Action.CREATE && w.workspaceId().equals(ws));
        out.append("Workspace \"").append(workspaces.getOrDefault(workspace, "?")).append("\" (")
            .append(created ? "new" : workspace).append(")\n\n");
      }
      String verb = switch (c.action()) {
        case CREATE -> "will be created";
        case UPDATE -> "will be updated in place";
        case DELETE -> "will be deleted";
        case UNCHANGED -> "is unchanged";
      };
      out.append("  ").append(symbol(c.action())).append(' ').append(c.describe()).append(' ').append(verb);
      if (c.note() != null) out.append(" (").append(c.note()).append(')');
      out.append('\n');
      int width = c.fields().stream().mapToInt(f -> f.path().length()).max().orElse(0);
      for (FieldChange f : c.fields()) {
        String pad = " ".repeat(width - f.path().length());
        out.append("      ");
        if (c.action() == ResourceChange.Action.CREATE || f.added()) {
          out.append("+ ").append(f.path()).append(pad).append(" = ").append(f.after());
        } else if (f.removed()) {
          out.append("- ").append(f.path()).append(pad).append(" = ").append(f.before()).append(" -> (none)");
        } else {
          out.append("~ ").append(f.path()).append(pad).append(" = ").append(f.before()).append(" -> ")
              .append(f.after());
        }
        out.append('\n');
      }
      out.append('\n');
    }
    for (Problem w : warnings) out.append("Warning: ").append(w).append('\n');
    if (!warnings.isEmpty()) out.append('\n');
    out.append(summary()).append('\n');
    return out.toString();
  }

  /** {@code Plan: 1 to create, 2 to update, 0 to delete, 7 unchanged.} or {@code No changes. ...}. */
  public String summary() {
    long create = count(ResourceChange.Action.CREATE);
    long update = count(ResourceChange.Action.UPDATE);
    long delete = count(ResourceChange.Action.DELETE);
    long unchanged = count(ResourceChange.Action.UNCHANGED);
    if (create + update + delete == 0) {
      return "No changes. " + unchanged + " resources match the desired state.";
    }
    return "Plan: " + create + " to create, " + update + " to update, " + delete + " to delete, " + unchanged
        + " unchanged.";
  }

  private static char symbol(ResourceChange.Action action) {
    return switch (action) {
      case CREATE -> '+';
      case UPDATE -> '~';
      case DELETE -> '-';
      case UNCHANGED -> ' ';
    };
  }

  @Override
  public String toString() {
    return summary();
  }
}
