package io.github.airbytejava.provisioning;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.generated.model.AirbyteApiConnectionSchedule;
import io.github.airbytejava.generated.model.ConnectionCreateRequest;
import io.github.airbytejava.generated.model.ConnectionPatchRequest;
import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.ConnectionScheduleResponse;
import io.github.airbytejava.generated.model.ConnectionStatusEnum;
import io.github.airbytejava.generated.model.DefinitionResponse;
import io.github.airbytejava.generated.model.DestinationCreateRequest;
import io.github.airbytejava.generated.model.DestinationPatchRequest;
import io.github.airbytejava.generated.model.DestinationPutRequest;
import io.github.airbytejava.generated.model.NamespaceDefinitionEnum;
import io.github.airbytejava.generated.model.NotificationsConfig;
import io.github.airbytejava.generated.model.WorkspaceCreateRequest;
import io.github.airbytejava.generated.model.WorkspaceUpdateRequest;
import io.github.airbytejava.generated.model.NonBreakingSchemaUpdatesBehaviorEnum;
import io.github.airbytejava.generated.model.ScheduleTypeEnum;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.generated.model.SourcePutRequest;
import io.github.airbytejava.generated.model.StreamConfiguration;
import io.github.airbytejava.generated.model.StreamConfigurations;
import io.github.airbytejava.generated.model.StreamProperties;
import io.github.airbytejava.generated.model.TagCreateRequest;
import io.github.airbytejava.generated.model.TagResponse;
import io.github.airbytejava.generated.invoker.JSON;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link Live.Api} over an {@link AirbyteClient}: the only class that knows the generated APIs and models. */
final class ClientApi implements Live.Api {
  private final AirbyteClient client;

  ClientApi(AirbyteClient client) {
    this.client = client;
  }

  @Override
  public List<Live.Workspace> workspaces() {
    return client.paginate().workspaces().map(w -> new Live.Workspace(w.getWorkspaceId(), w.getName(),
        json(w.getNotifications()))).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Object model) {
    return model == null ? Map.of()
        : (Map<String, Object>) Values.live(JSON.getGson().fromJson(JSON.getGson().toJson(model), Map.class));
  }

  private static NotificationsConfig notifications(Map<String, Object> notifications) {
    return JSON.getGson().fromJson(JSON.getGson().toJsonTree(notifications), NotificationsConfig.class);
  }

  @Override
  public UUID createWorkspace(String name, UUID organizationId, Map<String, Object> notifications) {
    WorkspaceCreateRequest r = new WorkspaceCreateRequest();
    r.setName(name);
    r.setOrganizationId(organizationId);
    if (notifications != null) r.setNotifications(notifications(notifications));
    return client.workspaces().createWorkspace(r).execute().getWorkspaceId();
  }

  @Override
  public void updateNotifications(UUID workspaceId, Map<String, Object> notifications) {
    WorkspaceUpdateRequest r = new WorkspaceUpdateRequest();
    r.setNotifications(notifications(notifications));
    client.workspaces().updateWorkspace(workspaceId, r).execute();
  }

  @Override
  public List<Live.Actor> actors(ActorSpec.Kind kind, UUID workspaceId) {
    List<UUID> ws = List.of(workspaceId);
    if (kind == ActorSpec.Kind.SOURCE) {
      return client.paginate().sources(ws, false).map(s -> new Live.Actor(kind, s.getSourceId(), s.getName(),
          s.getDefinitionId(), s.getSourceType(), configuration(s.getConfiguration()))).toList();
    }
    return client.paginate().destinations(ws, false).map(d -> new Live.Actor(kind, d.getDestinationId(),
        d.getName(), d.getDefinitionId(), d.getDestinationType(), configuration(d.getConfiguration()))).toList();
  }

  @Override
  public Live.Actor actor(ActorSpec.Kind kind, UUID id) {
    if (kind == ActorSpec.Kind.SOURCE) {
      var s = client.sources().getSource(id).execute();
      return new Live.Actor(kind, s.getSourceId(), s.getName(), s.getDefinitionId(), s.getSourceType(),
          configuration(s.getConfiguration()));
    }
    var d = client.destinations().getDestination(id).execute();
    return new Live.Actor(kind, d.getDestinationId(), d.getName(), d.getDefinitionId(), d.getDestinationType(),
        configuration(d.getConfiguration()));
  }

  @Override
  public Live.Connection connection(UUID id) {
    return connection(client.connections().getConnection(id).execute());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> configuration(Map<String, Object> configuration) {
    return configuration == null ? Map.of() : (Map<String, Object>) Values.live(configuration);
  }

  @Override
  public List<Live.Connection> connections(UUID workspaceId) {
    return client.paginate().connections(List.of(workspaceId), null, false).map(ClientApi::connection).toList();
  }

  private static Live.Connection connection(ConnectionResponse c) {
    List<Live.Stream> streams = new ArrayList<>();
    if (c.getConfigurations() != null && c.getConfigurations().getStreams() != null) {
      for (StreamConfiguration s : c.getConfigurations().getStreams()) streams.add(stream(s));
    }
    List<UUID> tagIds = c.getTags() == null ? List.of()
        : c.getTags().stream().map(io.github.airbytejava.generated.model.Tag::getTagId).toList();
    return new Live.Connection(c.getConnectionId(), c.getName(), c.getSourceId(), c.getDestinationId(),
        wire(c.getStatus()), schedule(c.getSchedule()), wire(c.getNamespaceDefinition()), c.getNamespaceFormat(),
        c.getPrefix(), wire(c.getNonBreakingSchemaUpdatesBehavior()), streams, tagIds);
  }

  @SuppressWarnings("unchecked")
  private static Live.Stream stream(StreamConfiguration s) {
    Map<String, Object> raw = (Map<String, Object>) Values.live(
        JSON.getGson().fromJson(JSON.getGson().toJson(s), Map.class));
    return new Live.Stream(s.getName(), s.getNamespace(), wire(s.getSyncMode()), s.getCursorField(),
        s.getPrimaryKey(), raw);
  }

  private static Schedule schedule(ConnectionScheduleResponse s) {
    if (s == null || s.getScheduleType() == null) return null;
    return switch (s.getScheduleType()) {
      case CRON -> s.getCronExpression() == null ? null : Schedule.cron(s.getCronExpression());
      case BASIC -> s.getBasicTiming() == null ? null : Schedule.basic(s.getBasicTiming());
      case MANUAL -> Schedule.manual();
      default -> null;
    };
  }

  /** The wire value of a generated enum, the server's own string when this client does not know it. */
  private static String wire(Object value) {
    return value == null ? null : JSON.getGson().toJsonTree(value).getAsString();
  }

  @Override
  public List<Live.Tag> tags(UUID workspaceId) {
    List<TagResponse> data = client.tags().listTags().workspaceIds(List.of(workspaceId)).execute().getData();
    return data == null ? List.of()
        : data.stream().map(t -> new Live.Tag(t.getTagId(), t.getName(), t.getColor())).toList();
  }

  @Override
  public List<Live.Definition> definitions(ActorSpec.Kind kind, UUID workspaceId) {
    List<DefinitionResponse> data = kind == ActorSpec.Kind.SOURCE
        ? client.sourceDefinitions().listSourceDefinitions(workspaceId).execute().getData()
        : client.destinationDefinitions().listDestinationDefinitions(workspaceId).execute().getData();
    String prefix = kind.label() + "-";
    List<Live.Definition> out = new ArrayList<>();
    for (DefinitionResponse d : data == null ? List.<DefinitionResponse>of() : data) {
      String repo = d.getDockerRepository() == null ? "" : d.getDockerRepository();
      String image = repo.substring(repo.lastIndexOf('/') + 1);
      out.add(new Live.Definition(d.getId(), image.startsWith(prefix) ? image.substring(prefix.length()) : image));
    }
    return out;
  }

  @Override
  public List<Live.StreamInfo> streams(UUID sourceId, UUID destinationId) {
    List<StreamProperties> data =
        client.streams().getStreamProperties(sourceId).destinationId(destinationId).execute();
    List<Live.StreamInfo> out = new ArrayList<>();
    for (StreamProperties p : data == null ? List.<StreamProperties>of() : data) {
      List<String> modes = p.getSyncModes() == null ? List.of() : p.getSyncModes().stream().map(ClientApi::wire).toList();
      out.add(new Live.StreamInfo(p.getStreamName(), p.getStreamNamespace(), modes,
          p.getDefaultCursorField() == null ? List.of() : p.getDefaultCursorField(),
          Boolean.TRUE.equals(p.getSourceDefinedCursorField()),
          p.getSourceDefinedPrimaryKey() == null ? List.of() : p.getSourceDefinedPrimaryKey(),
          p.getPropertyFields() == null ? List.of() : p.getPropertyFields()));
    }
    return out;
  }

  @Override
  public UUID createActor(ActorSpec.Kind kind, UUID workspaceId, String name, UUID definitionId,
      Map<String, Object> configuration) {
    if (kind == ActorSpec.Kind.SOURCE) {
      SourceCreateRequest r = new SourceCreateRequest();
      r.setName(name);
      r.setWorkspaceId(workspaceId);
      r.setDefinitionId(definitionId);
      r.setConfiguration(configuration);
      return client.sources().createSource(r).execute().getSourceId();
    }
    DestinationCreateRequest r = new DestinationCreateRequest();
    r.setName(name);
    r.setWorkspaceId(workspaceId);
    r.setDefinitionId(definitionId);
    r.setConfiguration(configuration);
    return client.destinations().createDestination(r).execute().getDestinationId();
  }

  @Override
  public void patchActor(ActorSpec.Kind kind, UUID id, Map<String, Object> configuration) {
    if (kind == ActorSpec.Kind.SOURCE) {
      SourcePatchRequest r = new SourcePatchRequest();
      r.setConfiguration(configuration);
      client.sources().patchSource(id, r).execute();
    } else {
      DestinationPatchRequest r = new DestinationPatchRequest();
      r.setConfiguration(configuration);
      client.destinations().patchDestination(id, r).execute();
    }
  }

  @Override
  public void putActor(ActorSpec.Kind kind, UUID id, String name, Map<String, Object> configuration) {
    if (kind == ActorSpec.Kind.SOURCE) {
      SourcePutRequest r = new SourcePutRequest();
      r.setName(name);
      r.setConfiguration(configuration);
      client.sources().putSource(id, r).execute();
    } else {
      DestinationPutRequest r = new DestinationPutRequest();
      r.setName(name);
      r.setConfiguration(configuration);
      client.destinations().putDestination(id, r).execute();
    }
  }

  @Override
  public void deleteActor(ActorSpec.Kind kind, UUID id) {
    if (kind == ActorSpec.Kind.SOURCE) {
      client.sources().deleteSource(id).execute();
    } else {
      client.destinations().deleteDestination(id).execute();
    }
  }

  @Override
  public Live.Tag createTag(UUID workspaceId, String name, String color) {
    TagCreateRequest r = new TagCreateRequest();
    r.setName(name);
    r.setColor(color);
    r.setWorkspaceId(workspaceId);
    TagResponse t = client.tags().createTag(r).execute();
    return new Live.Tag(t.getTagId(), t.getName(), t.getColor());
  }

  @Override
  public UUID createConnection(Live.ConnectionWrite w) {
    ConnectionCreateRequest r = new ConnectionCreateRequest();
    r.setName(w.name());
    r.setSourceId(w.sourceId());
    r.setDestinationId(w.destinationId());
    if (w.streams() != null) r.setConfigurations(streams(w.streams()));
    if (w.schedule() != null) r.setSchedule(schedule(w.schedule()));
    if (w.status() != null) r.setStatus(ConnectionStatusEnum.fromValue(w.status()));
    if (w.namespaceDefinition() != null) {
      r.setNamespaceDefinition(NamespaceDefinitionEnum.fromValue(w.namespaceDefinition()));
    }
    if (w.namespaceFormat() != null) r.setNamespaceFormat(w.namespaceFormat());
    if (w.prefix() != null) r.setPrefix(w.prefix());
    if (w.nonBreakingSchemaUpdatesBehavior() != null) {
      r.setNonBreakingSchemaUpdatesBehavior(
          NonBreakingSchemaUpdatesBehaviorEnum.fromValue(w.nonBreakingSchemaUpdatesBehavior()));
    }
    if (w.tags() != null) r.setTags(tags(w.tags(), w.workspaceId()));
    return client.connections().createConnection(r).execute().getConnectionId();
  }

  @Override
  public void patchConnection(UUID id, Live.ConnectionWrite w) {
    ConnectionPatchRequest r = new ConnectionPatchRequest();
    if (w.streams() != null) r.setConfigurations(streams(w.streams()));
    if (w.schedule() != null) r.setSchedule(schedule(w.schedule()));
    if (w.status() != null) r.setStatus(ConnectionStatusEnum.fromValue(w.status()));
    if (w.namespaceDefinition() != null) {
      r.setNamespaceDefinition(NamespaceDefinitionEnum.fromValue(w.namespaceDefinition()));
    }
    if (w.namespaceFormat() != null) r.setNamespaceFormat(w.namespaceFormat());
    if (w.prefix() != null) r.setPrefix(w.prefix());
    if (w.nonBreakingSchemaUpdatesBehavior() != null) {
      r.setNonBreakingSchemaUpdatesBehavior(
          NonBreakingSchemaUpdatesBehaviorEnum.fromValue(w.nonBreakingSchemaUpdatesBehavior()));
    }
    if (w.tags() != null) r.setTags(tags(w.tags(), w.workspaceId()));
    client.connections().patchConnection(id, r).execute();
  }

  private static StreamConfigurations streams(List<Map<String, Object>> streams) {
    List<StreamConfiguration> list = new ArrayList<>();
    for (Map<String, Object> s : streams) {
      list.add(JSON.getGson().fromJson(JSON.getGson().toJsonTree(s), StreamConfiguration.class));
    }
    StreamConfigurations c = new StreamConfigurations();
    c.setStreams(list);
    return c;
  }

  private static AirbyteApiConnectionSchedule schedule(Schedule s) {
    AirbyteApiConnectionSchedule out = new AirbyteApiConnectionSchedule();
    out.setScheduleType(s.kind() == Schedule.Kind.CRON ? ScheduleTypeEnum.CRON : ScheduleTypeEnum.MANUAL);
    if (s.kind() == Schedule.Kind.CRON) out.setCronExpression(s.value());
    return out;
  }

  private static List<io.github.airbytejava.generated.model.Tag> tags(List<Live.Tag> tags, UUID workspaceId) {
    List<io.github.airbytejava.generated.model.Tag> out = new ArrayList<>();
    for (Live.Tag t : tags) {
      io.github.airbytejava.generated.model.Tag tag = new io.github.airbytejava.generated.model.Tag();
      tag.setTagId(t.id());
      tag.setName(t.name());
      tag.setColor(t.color());
      tag.setWorkspaceId(workspaceId);
      out.add(tag);
    }
    return out;
  }

  @Override
  public void deleteConnection(UUID id) {
    client.connections().deleteConnection(id).execute();
  }
}
