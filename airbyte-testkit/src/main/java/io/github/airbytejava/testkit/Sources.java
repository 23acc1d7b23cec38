package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;

/** The tag Sources: what {@link Actors} gives, and the OAuth flow ({@code initiateOAuth}, {@code secretId}). */
final class Sources extends Actors {

  private final OAuth oauth;

  Sources(Context context, Connectors connectors, Workspaces workspaces, Definitions definitions, OAuth oauth) {
    super("source", context, connectors, workspaces, definitions);
    this.oauth = oauth;
  }

  @Override
  public void routes(Routes routes) {
    crudRoutes(routes, "Source");
    routes.post("/sources/initiateOAuth", "initiateOAuth", oauth::initiate);
  }

  /** A create with the {@code secretId} of an OAuth flow gets that flow's credentials. */
  @Override
  JsonObject configurationToCreate(JsonObject body, String workspaceId, Definition definition,
      JsonObject configuration) {
    String secretId = Json.string(body, "secretId");
    return secretId == null ? configuration : oauth.withCredentials(secretId, workspaceId, definition, configuration);
  }
}
