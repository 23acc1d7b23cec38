package io.github.airbytejava.testkit;

/** The tag Sources. */
final class Sources extends Actors {

  Sources(Context context, Connectors connectors, Workspaces workspaces, Definitions definitions) {
    super("source", context, connectors, workspaces, definitions);
  }

  @Override
  public void routes(Routes routes) {
    crudRoutes(routes, "Source");
  }
}
