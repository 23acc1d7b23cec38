package io.github.airbytejava.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.airbytejava.connectors.ActorType;
import io.github.airbytejava.connectors.ConfigurationProblem;
import io.github.airbytejava.connectors.Connector;
import io.github.airbytejava.connectors.Connectors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code airbyte RESOURCE list|get|create|update|delete}, one set of verbs for every resource of the API. */
final class ResourceCommands {
  private ResourceCommands() {}

  /** A command that only groups subcommands. */
  @Command(mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND")
  static final class Group implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: "
          + String.join(", ", spec.subcommands().keySet()));
    }
  }

  static CommandLine group(String name, String description, String... examples) {
    CommandLine group = new CommandLine(new Group());
    group.setCommandName(name);
    group.getCommandSpec().usageMessage().description(description);
    example(group, examples);
    return group;
  }

  static void example(CommandLine command, String... examples) {
    if (examples.length == 0) return;
    String[] footer = new String[examples.length + 2];
    footer[0] = "";
    footer[1] = "Example" + (examples.length > 1 ? "s:" : ":");
    for (int i = 0; i < examples.length; i++) footer[i + 2] = "  " + examples[i];
    command.getCommandSpec().usageMessage().footer(footer);
  }

  static CommandLine create(Session session, Resource r) {
    // A source's streams exist only under a source: the examples must say which, or they fail as written.
    String scope = r.scope() == Resource.Scope.SOURCE ? " --source my-postgres" : "";
    CommandLine group = group(r.command(), r.description() + ".", "airbyte " + r.command() + " list" + scope,
        "airbyte " + r.command() + " get NAME|ID" + scope + " -o yaml");
    CommandLine list = sub(group, "list", new ListVerb(session, r), "List every " + r.singular() + " (all pages).",
        "airbyte " + r.command() + " list" + scope + " -o table");
    switch (r.scope()) {
      case ORGANIZATION -> list.getCommandSpec().addOption(OptionSpec.builder("--organization").type(String.class).paramLabel("ID")
          .description("Organization (default: the only one you belong to).").build());
      case SOURCE -> {
        list.getCommandSpec().addOption(OptionSpec.builder("--source").type(String.class).paramLabel("NAME|ID").required(true)
            .description("The source whose streams to list.").build());
        list.getCommandSpec().addOption(OptionSpec.builder("--destination").type(String.class).paramLabel("NAME|ID")
            .description("With a destination: the sync modes each stream supports to it.").build());
      }
      default -> { }
    }
    if (r.command().equals("connector-definitions")) {
      list.getCommandSpec().addOption(OptionSpec.builder("--type").type(String.class).paramLabel("source|destination")
          .description("Which kind (default: source).").build());
    }
    if (r.command().equals("permissions")) {
      list.getCommandSpec().addOption(OptionSpec.builder("--user").type(String.class).paramLabel("ID")
          .description("Only this user's permissions.").build());
    }
    CommandLine get = sub(group, "get", new GetVerb(session, r), "Show one " + r.singular() + " by name or id.",
        "airbyte " + r.command() + " get NAME|ID" + scope);
    for (OptionSpec option : list.getCommandSpec().options()) {
      if (option.longestName().startsWith("--") && !option.inherited() && !option.usageHelp()
          && !option.versionHelp()) {
        get.getCommandSpec().addOption(OptionSpec.builder(option.names()).type(String.class).paramLabel(option.paramLabel())
            .description(option.description()).build());
      }
    }
    if (r.create()) {
      sub(group, "create", new CreateVerb(session, r), "Create a " + r.singular() + " from a YAML or JSON file;"
          + " $${NAME} is replaced by the environment variable NAME (for secrets).",
          "airbyte " + r.command() + " create -f " + r.singular().replace(' ', '-') + ".yaml");
    }
    if (r.update() != null) {
      sub(group, "update", new UpdateVerb(session, r), "Change a " + r.singular() + " (" + r.update()
          + " with the file's fields).", "airbyte " + r.command() + " update NAME|ID -f changes.yaml");
    }
    if (r.delete()) {
      sub(group, "delete", new DeleteVerb(session, r), "Delete a " + r.singular() + " (asks on a terminal;"
          + " --yes otherwise).", "airbyte " + r.command() + " delete NAME|ID --yes");
    }
    return group;
  }

  static CommandLine sub(CommandLine group, String name, Object verb, String description, String... examples) {
    CommandLine command = new CommandLine(verb);
    command.setCommandName(name);
    command.getCommandSpec().usageMessage().description(description);
    example(command, examples);
    group.addSubcommand(name, command);
    return command;
  }

  abstract static class Verb implements Callable<Integer> {
    final Session session;
    final Resource resource;
    @Spec
    CommandSpec spec;

    Verb(Session session, Resource resource) {
      this.session = session;
      this.resource = resource;
    }

    String option(String name) {
      OptionSpec option = spec.findOption(name);
      return option == null ? null : option.getValue();
    }

    /** The list query: workspace, organization, source, type, as the resource needs. */
    Map<String, String> query() {
      Api api = session.api();
      Map<String, String> query = api.scopeQuery(resource);
      switch (resource.scope()) {
        case ORGANIZATION -> {
          String organization = option("--organization");
          String user = option("--user");
          if (user != null) query.put("userId", user);
          if (organization != null || resource.command().equals("users") || user == null) {
            query.put("organizationId", organization != null ? organization : onlyOrganization(api));
          }
        }
        case SOURCE -> {
          String source = option("--source");
          if (source == null) throw CliException.usage(resource.command() + " need --source NAME|ID");
          query.put("sourceId", api.resolve(Resource.named("sources"), source, null).toString());
          String destination = option("--destination");
          if (destination != null) {
            query.put("destinationId", api.resolve(Resource.named("destinations"), destination, null).toString());
          }
        }
        default -> { }
      }
      if (resource.command().equals("connector-definitions")) {
        String type = option("--type");
        if (type != null && !type.equals("source") && !type.equals("destination")) {
          throw CliException.usage("--type must be source or destination: " + type);
        }
        query.put("type", type == null ? "source" : type);
        UUID workspace = session.workspaceId();
        if (workspace != null) query.put("workspaceId", workspace.toString());
      }
      return query;
    }

    static String onlyOrganization(Api api) {
      List<JsonElement> organizations = api.list(Resource.named("organizations"), Map.of());
      if (organizations.size() != 1) {
        throw CliException.usage("give --organization ID (you belong to " + organizations.size() + ")");
      }
      return organizations.get(0).getAsJsonObject().get("organizationId").getAsString();
    }

    /** The item's id: as given (a UUID, or a number for jobs), else by name. */
    String idOf(String nameOrId) {
      if (Api.isUuid(nameOrId) || (resource == Resource.JOBS && nameOrId.matches("\\d+"))) return nameOrId;
      if (resource.nameField() == null) {
        throw CliException.usage(resource.command() + " have no names: give an id, not \"" + nameOrId + "\"");
      }
      return Output.text(session.api().find(resource, nameOrId, query()).get(resource.idField()));
    }

    String itemPath(String id) {
      String path = resource.path();
      path = path.replace("{workspaceId}", path.contains("{workspaceId}")
          ? session.api().workspaceOrOnly().toString() : "");
      return id.isEmpty() ? path : path + "/" + id;
    }
  }

  /** A verb on one item, named by its name or id. */
  abstract static class ItemVerb extends Verb {
    @Parameters(paramLabel = "NAME|ID", description = "The name (within the workspace) or the id.")
    String nameOrId;

    ItemVerb(Session session, Resource resource) {
      super(session, resource);
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class ListVerb extends Verb {
    ListVerb(Session session, Resource resource) {
      super(session, resource);
    }

    @Override
    public Integer call() {
      JsonArray items = new JsonArray();
      session.api().list(resource, query()).forEach(items::add);
      session.output().print(items, resource);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class GetVerb extends ItemVerb {
    GetVerb(Session session, Resource resource) {
      super(session, resource);
    }

    @Override
    public Integer call() {
      JsonElement item;
      if (resource.canGet()) {
        item = session.api().call("GET", itemPath(idOf(nameOrId)), null);
      } else {
        item = session.api().find(resource, nameOrId, query());
      }
      session.output().print(item, resource);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class CreateVerb extends Verb {
    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
        description = "YAML or JSON with the fields of the API's create request; - for stdin.")
    String file;

    CreateVerb(Session session, Resource resource) {
      super(session, resource);
    }

    @Override
    public Integer call() {
      JsonObject body = Yaml.readResourceFile(file, session.env, session.stdin).getAsJsonObject();
      prepare(session, resource, body, file);
      String path = resource.path();
      if (path.contains("{workspaceId}")) path = itemPath("");
      JsonElement created = session.api().call("POST", path, body);
      session.output().print(created, resource);
      return ExitCodes.OK;
    }
  }

  /**
   * Fills what a create needs and a user should not have to look up: the workspace id, a connection's source and
   * destination by name, a connector's definition id; and checks a connector configuration against its schema
   * before anything is sent.
   */
  static void prepare(Session session, Resource resource, JsonObject body, String file) {
    if ((resource.actorType() != null || resource.command().equals("tags")) && !body.has("workspaceId")) {
      body.addProperty("workspaceId", session.api().workspaceOrOnly().toString());
    }
    if (resource.command().equals("connections")) {
      for (String side : List.of("source", "destination")) {
        JsonElement ref = body.get(side + "Id");
        if (ref != null && ref.isJsonPrimitive() && !Api.isUuid(ref.getAsString())) {
          body.addProperty(side + "Id", session.api().resolve(Resource.named(side + "s"), ref.getAsString(), null)
              .toString());
        }
      }
    }
    if (resource.actorType() != null && body.get("configuration") instanceof JsonObject configuration) {
      validate(resource.actorType(), body, configuration, file);
    }
  }

  /** Checks a configuration with airbyte-connectors, when the connector is one it knows; adds its definition id. */
  static void validate(String actorType, JsonObject body, JsonObject configuration, String file) {
    ActorType type = actorType.equals("source") ? ActorType.SOURCE : ActorType.DESTINATION;
    String typeKey = actorType + "Type";
    Optional<Connector> connector = Optional.empty();
    JsonElement definitionId = body.get("definitionId");
    if (definitionId != null && definitionId.isJsonPrimitive() && Api.isUuid(definitionId.getAsString())) {
      connector = Connectors.byDefinitionId(UUID.fromString(definitionId.getAsString()));
    } else if (configuration.get(typeKey) instanceof JsonPrimitive slug) {
      connector = Connectors.find(type, slug.getAsString());
      if (connector.isEmpty()) {
        throw CliException.usage(file + ": " + typeKey + " \"" + slug.getAsString() + "\" is not a known "
            + actorType + " connector (see airbyte connectors list --type " + actorType + "); a custom one needs "
            + "definitionId");
      }
      connector.flatMap(Connector::definitionId).ifPresent(id -> body.addProperty("definitionId", id.toString()));
    }
    if (connector.isPresent()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) Output.toJava(configuration);
      List<ConfigurationProblem> problems = connector.get().problems(map);
      if (!problems.isEmpty()) {
        throw CliException.usage(file + ": the configuration does not fit " + connector.get().actorType()
            .wireName() + " " + connector.get().slug() + ": " + problems.stream().map(Object::toString)
            .collect(Collectors.joining("; ")));
      }
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class UpdateVerb extends ItemVerb {
    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
        description = "YAML or JSON with the fields to change; - for stdin.")
    String file;

    UpdateVerb(Session session, Resource resource) {
      super(session, resource);
    }

    @Override
    public Integer call() {
      JsonObject body = Yaml.readResourceFile(file, session.env, session.stdin).getAsJsonObject();
      JsonElement updated = session.api().call(resource.update(), itemPath(idOf(nameOrId)), body);
      session.output().print(updated, resource);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class DeleteVerb extends ItemVerb {
    @Option(names = {"-y", "--yes"}, description = "Do not ask (needed when not on a terminal).")
    boolean yes;

    DeleteVerb(Session session, Resource resource) {
      super(session, resource);
    }

    @Override
    public Integer call() {
      String id = idOf(nameOrId);
      String shown = nameOrId.equals(id) ? id : "\"" + nameOrId + "\" (" + id + ")";
      if (!yes) {
        if (!session.terminal) {
          throw CliException.usage("not deleting " + resource.singular() + " " + shown + " without --yes (no"
              + " terminal to ask on)");
        }
        if (!Terminal.confirm(session, "Delete " + resource.singular() + " " + shown + "? [y/N] ")) {
          session.info("Not deleted.");
          return ExitCodes.ERROR;
        }
      }
      session.api().call("DELETE", itemPath(id), null);
      session.info("Deleted " + resource.singular() + " " + shown + ".");
      return ExitCodes.OK;
    }
  }
}
