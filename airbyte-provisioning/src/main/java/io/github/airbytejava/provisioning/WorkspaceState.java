package io.github.airbytejava.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The desired state of one workspace: the workspace (by id or by name), its sources, destinations and
 * connections, and which unlisted resources may be deleted. Read from a file by {@link StateFiles}, or built:
 *
 * <pre>{@code
 * WorkspaceState state = WorkspaceState.builder().workspaceName("analytics")
 *     .source(pg).destination(bq).connection(pgToBq)
 *     .deleteUnlisted("etl-*")        // only these names may be deleted, and only when not listed
 *     .build();
 * }</pre>
 */
public final class WorkspaceState {
  private final UUID workspaceId;
  private final String workspaceName;
  private final List<ActorSpec> sources;
  private final List<ActorSpec> destinations;
  private final List<ConnectionSpec> connections;
  private final Map<String, String> tagColors;
  private final List<String> deleteUnlisted;
  private final UUID organizationId;
  private final WorkspaceNotifications notifications;
  final Origin origin;

  private WorkspaceState(Builder b) {
    this.workspaceId = b.workspaceId;
    this.workspaceName = b.workspaceName;
    this.sources = List.copyOf(b.sources);
    this.destinations = List.copyOf(b.destinations);
    this.connections = List.copyOf(b.connections);
    this.tagColors = Map.copyOf(b.tagColors);
    this.deleteUnlisted = List.copyOf(b.deleteUnlisted);
    this.organizationId = b.organizationId;
    this.notifications = b.notifications;
    this.origin = b.origin;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Null when the workspace is given by name. */
  public UUID workspaceId() {
    return workspaceId;
  }

  /** Null when the workspace is given only by id. */
  public String workspaceName() {
    return workspaceName;
  }

  public List<ActorSpec> sources() {
    return sources;
  }

  public List<ActorSpec> destinations() {
    return destinations;
  }

  public List<ConnectionSpec> connections() {
    return connections;
  }

  /** Colors for tags this state creates: six hex digits without {@code #} ({@code 1F77B4} when not given). */
  public Map<String, String> tagColors() {
    return tagColors;
  }

  /**
   * The name guard for deletes: globs ({@code *} any characters, {@code ?} one); a live source, destination or
   * connection not listed here and whose name matches one is deleted. Empty (the default): nothing is deleted.
   */
  public List<String> deleteUnlisted() {
    return deleteUnlisted;
  }

  /**
   * The organization to create the workspace in when no workspace has its name, so that one state stands up a new
   * workspace whole; null: the workspace must exist.
   */
  public UUID organizationId() {
    return organizationId;
  }

  /** The workspace's notifications; null: not managed. */
  public WorkspaceNotifications notifications() {
    return notifications;
  }

  String describe() {
    return workspaceId != null ? "workspace " + workspaceId : "workspace \"" + workspaceName + "\"";
  }

  @Override
  public String toString() {
    return "WorkspaceState{" + describe() + ", " + sources.size() + " sources, " + destinations.size()
        + " destinations, " + connections.size() + " connections}";
  }

  /** Builds a {@link WorkspaceState}; a workspace id or name is required. */
  public static final class Builder {
    private UUID workspaceId;
    private String workspaceName;
    private final List<ActorSpec> sources = new ArrayList<>();
    private final List<ActorSpec> destinations = new ArrayList<>();
    private final List<ConnectionSpec> connections = new ArrayList<>();
    private final Map<String, String> tagColors = new LinkedHashMap<>();
    private final List<String> deleteUnlisted = new ArrayList<>();
    private UUID organizationId;
    private WorkspaceNotifications notifications;
    private Origin origin = Origin.NONE;

    private Builder() {}

    public Builder workspaceId(UUID workspaceId) {
      this.workspaceId = workspaceId;
      return this;
    }

    /** The workspace's name; with an id too, the name must match. */
    public Builder workspaceName(String workspaceName) {
      this.workspaceName = workspaceName;
      return this;
    }

    public Builder source(ActorSpec source) {
      Objects.requireNonNull(source, "source");
      if (source.kind() != ActorSpec.Kind.SOURCE) {
        throw new IllegalArgumentException(source.describe() + " is not a source");
      }
      sources.add(source);
      return this;
    }

    public Builder destination(ActorSpec destination) {
      Objects.requireNonNull(destination, "destination");
      if (destination.kind() != ActorSpec.Kind.DESTINATION) {
        throw new IllegalArgumentException(destination.describe() + " is not a destination");
      }
      destinations.add(destination);
      return this;
    }

    public Builder connection(ConnectionSpec connection) {
      connections.add(Objects.requireNonNull(connection, "connection"));
      return this;
    }

    /** The color a tag gets when this state creates it: six hex digits, without {@code #} ({@code D62728}). */
    public Builder tagColor(String tag, String color) {
      tagColors.put(Objects.requireNonNull(tag, "tag"), Objects.requireNonNull(color, "color"));
      return this;
    }

    /** Adds name globs to the delete guard; see {@link WorkspaceState#deleteUnlisted()}. */
    public Builder deleteUnlisted(String... nameGlobs) {
      for (String glob : nameGlobs) deleteUnlisted.add(Objects.requireNonNull(glob, "nameGlob"));
      return this;
    }

    /** Creates the workspace (by its name) in this organization when none has the name; see {@link #organizationId()}. */
    public Builder organizationId(UUID organizationId) {
      this.organizationId = organizationId;
      return this;
    }

    public Builder notifications(WorkspaceNotifications notifications) {
      this.notifications = notifications;
      return this;
    }

    Builder origin(Origin origin) {
      this.origin = origin;
      return this;
    }

    public WorkspaceState build() {
      if (workspaceId == null && (workspaceName == null || workspaceName.isBlank())) {
        throw new IllegalArgumentException("A workspace id or name is required");
      }
      if (organizationId != null && (workspaceName == null || workspaceName.isBlank())) {
        throw new IllegalArgumentException("A workspace created in an organization needs its name");
      }
      return new WorkspaceState(this);
    }
  }
}
