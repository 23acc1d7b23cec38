package io.github.airbytejava.cli;

import java.util.List;

/**
 * A resource of the public API as the CLI sees it: where it lives, how it is named and identified, what its table
 * shows and which verbs the API allows.
 *
 * @param command the command noun ({@code sources})
 * @param singular for messages ({@code source})
 * @param path the list path; {@code {workspaceId}} is replaced by the workspace's id
 * @param idField the id of an item ({@code sourceId})
 * @param nameField the name of an item, null when items have none (jobs, permissions)
 * @param scope how a list is narrowed to a workspace or organization
 * @param paged whether the list takes limit and offset
 * @param canGet whether {@code GET path/{id}} exists (else get finds the item in the list)
 * @param create whether POST path exists
 * @param update PATCH or PUT on path/{id}, or null
 * @param delete whether DELETE path/{id} exists
 * @param actorType source or destination for connector configurations; null otherwise
 */
record Resource(String command, String singular, String path, String idField, String nameField, Scope scope,
    boolean paged, boolean canGet, boolean create, String update, boolean delete, List<String> columns,
    String actorType, String description) {

  enum Scope { NONE, WORKSPACE_IDS, WORKSPACE_PATH, ORGANIZATION, SOURCE }

  static final List<Resource> ALL = List.of(
      new Resource("workspaces", "workspace", "/workspaces", "workspaceId", "name", Scope.NONE, true, true, true,
          "PATCH", true, List.of("workspaceId", "name", "dataResidency"), null, "Workspaces"),
      new Resource("sources", "source", "/sources", "sourceId", "name", Scope.WORKSPACE_IDS, true, true, true, "PATCH",
          true, List.of("sourceId", "name", "sourceType", "workspaceId"), "source", "Sources"),
      new Resource("destinations", "destination", "/destinations", "destinationId", "name", Scope.WORKSPACE_IDS, true,
          true, true, "PATCH", true, List.of("destinationId", "name", "destinationType", "workspaceId"), "destination",
          "Destinations"),
      new Resource("connections", "connection", "/connections", "connectionId", "name", Scope.WORKSPACE_IDS, true,
          true, true, "PATCH", true, List.of("connectionId", "name", "status", "sourceId", "destinationId"), null,
          "Connections"),
      new Resource("tags", "tag", "/tags", "tagId", "name", Scope.WORKSPACE_IDS, false, true, true, "PATCH", true,
          List.of("tagId", "name", "color"), null, "Tags"),
      new Resource("source-definitions", "source definition", "/workspaces/{workspaceId}/definitions/sources", "id",
          "name", Scope.WORKSPACE_PATH, false, true, true, "PUT", true,
          List.of("id", "name", "dockerRepository", "dockerImageTag"), null, "A workspace's custom source definitions"),
      new Resource("destination-definitions", "destination definition",
          "/workspaces/{workspaceId}/definitions/destinations", "id", "name", Scope.WORKSPACE_PATH, false, true, true,
          "PUT", true, List.of("id", "name", "dockerRepository", "dockerImageTag"), null,
          "A workspace's custom destination definitions"),
      new Resource("connector-definitions", "connector definition", "/connector_definitions", "id", "name",
          Scope.NONE, false, false, false, null, false, List.of("id", "name", "connectorDefinitionType", "version"),
          null, "Connector definitions (Airbyte's and, with a workspace, the workspace's own)"),
      new Resource("organizations", "organization", "/organizations", "organizationId", "organizationName",
          Scope.NONE, false, false, false, null, false, List.of("organizationId", "organizationName", "email"), null,
          "Organizations you belong to"),
      new Resource("users", "user", "/users", "id", "name", Scope.ORGANIZATION, false, false, false, null, false,
          List.of("id", "name", "email"), null, "Users of an organization"),
      new Resource("permissions", "permission", "/permissions", "permissionId", null, Scope.ORGANIZATION, false, true,
          true, "PATCH", true, List.of("permissionId", "permissionType", "userId", "workspaceId", "organizationId"),
          null, "Permissions"),
      new Resource("streams", "stream", "/streams", "streamName", "streamName", Scope.SOURCE, false, false, false,
          null, false, List.of("streamName", "streamnamespace", "syncModes"), null, "A source's streams"));

  static final Resource JOBS = new Resource("jobs", "job", "/jobs", "jobId", null, Scope.WORKSPACE_IDS, true, true,
      false, null, false, List.of("jobId", "status", "jobType", "connectionId", "startTime", "rowsSynced",
          "bytesSynced"), null, "Jobs");

  static Resource named(String command) {
    if (command.equals("jobs")) return JOBS;
    return ALL.stream().filter(r -> r.command.equals(command)).findFirst().orElseThrow();
  }
}
