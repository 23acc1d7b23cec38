package io.github.airbytejava.testkit;

/** The tag Destinations. */
final class Destinations extends Actors {

  Destinations(Context context, Connectors connectors, Workspaces workspaces, Definitions definitions) {
    super("destination", context, connectors, workspaces, definitions);
  }

  @Override
  public void routes(Routes routes) {
    crudRoutes(routes, "Destination");
  }
}
