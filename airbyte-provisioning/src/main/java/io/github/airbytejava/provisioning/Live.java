package io.github.airbytejava.provisioning;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the plan knows of a live workspace, independent of the generated models. */
final class Live {
  private Live() {}

  /** A workspace and its notifications as the API gives them ({@code NotificationsConfig} as JSON values). */
  record Workspace(UUID id, String name, Map<String, Object> notifications) {}

  /** A source or destination; {@code connector} is the server's {@code sourceType}/{@code destinationType}, maybe "". */
  record Actor(ActorSpec.Kind kind, UUID id, String name, UUID definitionId, String connector,
      Map<String, Object> configuration) {}

  record Stream(String name, String namespace, String syncMode, List<String> cursorField,
      List<List<String>> primaryKey, Map<String, Object> raw) {
    String key() {
      return namespace == null ? name : namespace + "." + name;
    }
  }

  record Connection(UUID id, String name, UUID sourceId, UUID destinationId, String status, Schedule schedule,
      String namespaceDefinition, String namespaceFormat, String prefix, String nonBreakingSchemaUpdatesBehavior,
      List<Stream> streams, List<UUID> tagIds) {}

  record Tag(UUID id, String name, String color) {}

  /** A stream as the source offers it ({@code GET /streams}). */
  record StreamInfo(String name, String namespace, List<String> syncModes, List<String> defaultCursorField,
      boolean sourceDefinedCursor, List<List<String>> sourceDefinedPrimaryKey, List<List<String>> fields) {}

  /** A connector definition the workspace can use. */
  record Definition(UUID id, String slug) {}

  /** A connection's fields to write; null fields are left out. */
  record ConnectionWrite(String name, UUID sourceId, UUID destinationId, List<Map<String, Object>> streams,
      Schedule schedule, String status, String namespaceDefinition, String namespaceFormat, String prefix, String nonBreakingSchemaUpdatesBehavior, List<Tag> tags,
      UUID workspaceId) {}

  /** Reads and writes of one Airbyte; every call is one request (lists: one per page). */
  interface Api {
    List<Workspace> workspaces();

    List<Actor> actors(ActorSpec.Kind kind, UUID workspaceId);

    UUID createWorkspace(String name, UUID organizationId, Map<String, Object> notifications);

    void updateNotifications(UUID workspaceId, Map<String, Object> notifications);

    /** One source or destination, read again before it is written. */
    Actor actor(ActorSpec.Kind kind, UUID id);

    /** One connection, read again before it is written. */
    Connection connection(UUID id);

    List<Connection> connections(UUID workspaceId);

    List<Tag> tags(UUID workspaceId);

    List<Definition> definitions(ActorSpec.Kind kind, UUID workspaceId);

    List<StreamInfo> streams(UUID sourceId, UUID destinationId);

    UUID createActor(ActorSpec.Kind kind, UUID workspaceId, String name, UUID definitionId,
        Map<String, Object> configuration);

    void patchActor(ActorSpec.Kind kind, UUID id, Map<String, Object> configuration);

    void putActor(ActorSpec.Kind kind, UUID id, String name, Map<String, Object> configuration);

    void deleteActor(ActorSpec.Kind kind, UUID id);

    Tag createTag(UUID workspaceId, String name, String color);

    UUID createConnection(ConnectionWrite write);

    void patchConnection(UUID id, ConnectionWrite write);

    void deleteConnection(UUID id);
  }
}
