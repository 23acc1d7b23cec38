package io.github.airbytejava.testkit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fake's Airbyte: one {@link ResourceGroup} per tag of the API, each with its operations and its state, and the
 * routing between them. Every request is handled under this instance's lock: requests are short, and one lock keeps
 * jobs, connections and tokens consistent with each other.
 */
final class Api {

  private final Context context;
  private final Routes routes = new Routes();
  private final Applications applications;
  private final Organizations organizations;
  private final Users users;
  private final Workspaces workspaces;
  private final Streams streams;
  private final Connections connections;
  private final Jobs jobs;
  private final Sources sources;
  private final Destinations destinations;
  private final List<ResourceGroup> groups;
  private final Stubs stubs;
  private final ConfigApi configApi;
  private final WebhookSender webhooks;

  Api(Context.Settings settings) {
    this.context = new Context(settings);
    Connectors connectors = FactsCatalog.orBuiltIn();
    applications = new Applications(context);
    organizations = new Organizations(connectors);
    users = new Users(organizations);
    Regions regions = new Regions(context, organizations);
    Dataplanes dataplanes = new Dataplanes(context, regions);
    workspaces = new Workspaces(context, organizations, regions, connectors);
    Permissions permissions = new Permissions(users, organizations, workspaces);
    Groups groupsOfUsers = new Groups(context, organizations, users, workspaces);
    Definitions definitions = new Definitions(connectors, workspaces);
    DeclarativeSourceDefinitions declarative = new DeclarativeSourceDefinitions(workspaces, definitions);
    OAuth oauth = new OAuth(context, connectors, workspaces);
    sources = new Sources(context, connectors, workspaces, definitions, oauth);
    destinations = new Destinations(context, connectors, workspaces, definitions);
    streams = new Streams(sources, destinations);
    Tags tags = new Tags(workspaces);
    connections = new Connections(context, sources, destinations, streams, tags);
    jobs = new Jobs(context, connections);
    Embedded embedded = new Embedded(context, applications, organizations, workspaces);
    groups = List.of(new Root(), applications, organizations, users, regions, dataplanes, workspaces, permissions,
        groupsOfUsers, definitions, declarative, oauth, sources, destinations, streams, tags, connections, jobs,
        embedded);
    groups.forEach(group -> group.routes(routes));
    // Not operations of the public spec: kept out of its routes (and of the stubs), reset with the rest.
    configApi = new ConfigApi(jobs);
    webhooks = new WebhookSender(context, jobs, configApi, workspaces, connections, sources, destinations);
    webhooks.sweepUnderLock(this::sweepWebhooks);
    Set<String> operationIds = new HashSet<>();
    routes.all().forEach(r -> operationIds.add(r.operationId()));
    stubs = new Stubs(Set.copyOf(operationIds));
  }

  Stubs stubs() {
    return stubs;
  }

  void baseUrl(String baseUrl) {
    context.baseUrl(baseUrl);
  }

  String defaultWorkspaceId() {
    return workspaces.defaultWorkspaceId();
  }

  String defaultOrganizationId() {
    return organizations.defaultOrganization().id();
  }

  String defaultUserId() {
    return users.defaultUser().id();
  }

  /** Every operation, for this module's tests. */
  List<Routes.Route> operations() {
    return routes.all();
  }

  /** Back to the starting state: the default workspace and nothing else. Issued tokens stay valid. */
  synchronized void reset() {
    groups.forEach(ResourceGroup::reset);
    configApi.reset();
    webhooks.reset();
    stubs.clear();
  }

  synchronized String addUser(String name, String email) {
    return users.add(name, email).id();
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

  /** The stored configuration of a source or destination, unmasked, or null when there is none. */
  synchronized String storedConfiguration(String actorId) {
    Actors.Actor actor = sources.find(actorId);
    if (actor == null) {
      actor = destinations.find(actorId);
    }
    return actor == null ? null : Json.GSON.toJson(actor.configuration);
  }

  synchronized void nextJobEndsAs(String status) {
    jobs.nextJobEndsAs(status);
  }

  synchronized void nextJobAttempts(List<String> attemptOutcomes) {
    jobs.nextJobAttempts(attemptOutcomes);
  }

  synchronized void nextJobSucceedsWithZeroCounts() {
    jobs.nextJobSucceedsWithZeroCounts();
  }

  synchronized void setFailure(long jobId, FakeFailure failure) {
    configApi.setFailure(jobId, failure);
  }

  synchronized void setLogLines(long jobId, List<String> lines) {
    configApi.setLogLines(jobId, lines);
  }

  List<WebhookDelivery> webhookDeliveries() {
    return webhooks.deliveries();
  }

  synchronized void sweepWebhooks() {
    webhooks.sweep();
  }

  void close() {
    webhooks.close();
  }

  synchronized Reply handle(Call call) {
    try {
      return route(call);
    } catch (Json.BadRequest e) {
      return Reply.badRequest(e.getMessage());
    } catch (Reply.Refusal e) {
      return e.reply;
    } finally {
      webhooks.sweep();
    }
  }

  /** A request to the internal Config API ({@link ConfigApi#ROOT}); {@code path} is the part after its root. */
  synchronized Reply handleConfigApi(String path, Call call) {
    try {
      Reply denied = applications.authenticate(call);
      return denied != null ? denied : configApi.handle(call.method(), path, call);
    } catch (Json.BadRequest e) {
      return Reply.badRequest(e.getMessage());
    } finally {
      webhooks.sweep();
    }
  }

  private Reply route(Call call) {
    Routes.Match match = routes.match(call.method(), call.apiPath());
    Routes.Route route = match.route();
    if (route == null || !route.open()) {
      Reply denied = applications.authenticate(call);
      if (denied != null) {
        return denied;
      }
    }
    Reply stubbed = stubs.take(route, call.method(), call.apiPath());
    if (stubbed != null) {
      return stubbed;
    }
    if (route != null) {
      return route.handler().handle(call.withPathParams(match.params()));
    }
    if (match.pathKnown()) {
      return Reply.problem(405, "method-not-allowed",
          "Method " + call.method() + " is not allowed on " + call.apiPath() + ".", null);
    }
    return Reply.problem(404, "resource-not-found", "No operation at " + call.method() + " " + call.apiPath() + ".",
        null);
  }
}
