package io.github.airbytejava.testkit;

import java.util.List;
import java.util.Set;

/**
 * The fake's Airbyte: one {@link ResourceGroup} per tag of the API, each with its operations and its state, and the
 * routing between them. Every request is handled under this instance's lock: requests are short, and one lock keeps
 * jobs, connections and tokens consistent with each other.
 */
final class Api {

  /** First path segments of the API's operations, for telling "not implemented by the fake" from "no such path". */
  private static final Set<String> API_ROOTS = Set.of("applications", "jobs", "regions", "dataplanes",
      "connector_definitions", "workspaces", "sources", "destinations", "oauth", "connections", "streams",
      "permissions", "organizations", "users", "groups", "tags", "embedded");

  private final Context context;
  private final Routes routes = new Routes();
  private final Applications applications;
  private final Workspaces workspaces;
  private final Streams streams;
  private final Connections connections;
  private final Jobs jobs;
  private final List<ResourceGroup> groups;

  Api(Context.Settings settings) {
    this.context = new Context(settings);
    Connectors connectors = new Catalog();
    applications = new Applications(context);
    workspaces = new Workspaces(context);
    Definitions definitions = new Definitions(connectors, workspaces);
    Sources sources = new Sources(context, connectors, workspaces, definitions);
    Destinations destinations = new Destinations(context, connectors, workspaces, definitions);
    streams = new Streams(sources, destinations);
    Tags tags = new Tags(workspaces);
    connections = new Connections(context, sources, destinations, streams, tags);
    jobs = new Jobs(context, connections);
    groups = List.of(new Root(), applications, workspaces, definitions, sources, destinations, streams, tags,
        connections, jobs);
    groups.forEach(group -> group.routes(routes));
  }

  void baseUrl(String baseUrl) {
    context.baseUrl(baseUrl);
  }

  String defaultWorkspaceId() {
    return workspaces.defaultWorkspaceId();
  }

  /** Back to the starting state: the default workspace and nothing else. Issued tokens stay valid. */
  synchronized void reset() {
    groups.forEach(ResourceGroup::reset);
  }

  synchronized void expireTokens() {
    applications.expireTokens();
  }

  synchronized void setStreams(String sourceId, List<FakeStream> catalog) {
    streams.setForSource(sourceId, catalog);
  }

  synchronized void setDefaultStreams(String definitionId, List<FakeStream> catalog) {
    streams.setForDefinition(definitionId, catalog);
  }

  synchronized void setBasicSchedule(String connectionId, String timing) {
    connections.basicSchedule(connectionId, timing);
  }

  synchronized void nextJobEndsAs(String status) {
    jobs.nextJobEndsAs(status);
  }

  synchronized Reply handle(Call call) {
    try {
      return route(call);
    } catch (Json.BadRequest e) {
      return Reply.badRequest(e.getMessage());
    } catch (Reply.Refusal e) {
      return e.reply;
    }
  }

  private Reply route(Call call) {
    Routes.Match match = routes.match(call.method(), call.apiPath());
    Routes.Route route = match.route();
    if (route != null && route.open()) {
      return route.handler().handle(call.withPathParams(match.params()));
    }
    Reply denied = applications.authenticate(call);
    if (denied != null) {
      return denied;
    }
    if (route != null) {
      return route.handler().handle(call.withPathParams(match.params()));
    }
    if (match.pathKnown()) {
      return Reply.problem(405, "method-not-allowed",
          "Method " + call.method() + " is not allowed on " + call.apiPath() + ".", null);
    }
    List<String> segments = Routes.segments(call.apiPath());
    String root = segments.isEmpty() ? "" : segments.get(0);
    if (API_ROOTS.contains(root)) {
      return Reply.problem(501, "not-implemented",
          "The fake Airbyte does not implement " + call.method() + " " + call.apiPath() + ".", null);
    }
    return Reply.problem(404, "resource-not-found", "No operation at " + call.method() + " " + call.apiPath() + ".",
        null);
  }
}
