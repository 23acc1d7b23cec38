package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tag Streams ({@code GET /streams}), and the catalog of each source: the streams set for that source, else those
 * set for its definition, else the definition's sample catalog ({@link SampleCatalogs}).
 */
final class Streams implements ResourceGroup {

  /** What every destination of the fake accepts: the destination sync modes behind the API's combined modes. */
  static final Set<String> DESTINATION_SYNC_MODES = Set.of("overwrite", "append", "append_dedup", "overwrite_dedup");

  private final Sources sources;
  private final Destinations destinations;
  private final Map<String, List<FakeStream>> bySource = new HashMap<>();
  private final Map<String, List<FakeStream>> byDefinition = new HashMap<>();

  Streams(Sources sources, Destinations destinations) {
    this.sources = sources;
    this.destinations = destinations;
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/streams", "getStreamProperties", this::get);
  }

  @Override
  public void reset() {
    bySource.clear();
    byDefinition.clear();
  }

  void setForSource(String sourceId, List<FakeStream> streams) {
    Actors.Actor source = sources.find(sourceId);
    if (source == null) {
      throw new IllegalArgumentException("The fake has no source " + sourceId);
    }
    bySource.put(source.id, List.copyOf(streams));
  }

  void setForDefinition(String definitionId, List<FakeStream> streams) {
    byDefinition.put(Check.uuid(definitionId, "definitionId"), List.copyOf(streams));
  }

  /** The streams discovery would find in this source. */
  List<FakeStream> catalog(Actors.Actor source) {
    List<FakeStream> streams = bySource.get(source.id);
    if (streams == null) {
      streams = byDefinition.get(source.definition.id());
    }
    return streams != null ? streams : SampleCatalogs.of(source.definition);
  }

  /**
   * The connection sync modes a stream offers with a destination, combined as the server's GET /streams does: full
   * refresh with append or overwrite, incremental with append or append-dedup.
   */
  static List<String> syncModesWithDestination(FakeStream stream) {
    List<String> modes = new ArrayList<>();
    if (stream.syncModes().contains(FakeStream.SyncMode.FULL_REFRESH)) {
      addIfWritable(modes, "full_refresh_append", "append");
      addIfWritable(modes, "full_refresh_overwrite", "overwrite");
    }
    if (stream.syncModes().contains(FakeStream.SyncMode.INCREMENTAL)) {
      addIfWritable(modes, "incremental_append", "append");
      addIfWritable(modes, "incremental_deduped_history", "append_dedup");
    }
    return modes;
  }

  private static void addIfWritable(List<String> modes, String mode, String destinationSyncMode) {
    if (DESTINATION_SYNC_MODES.contains(destinationSyncMode)) {
      modes.add(mode);
    }
  }

  private Reply get(Call call) {
    String sourceId = call.query("sourceId");
    if (sourceId == null) {
      return Reply.badRequest("'sourceId' is required.");
    }
    Actors.Actor source = sources.find(sourceId);
    if (source == null) {
      return Reply.notFound("source", sourceId);
    }
    String destinationId = call.query("destinationId");
    if (destinationId != null && destinations.find(destinationId) == null) {
      return Reply.notFound("destination", destinationId);
    }
    call.booleanQuery("ignoreCache");
    JsonArray response = new JsonArray();
    for (FakeStream stream : catalog(source)) {
      JsonObject json = new JsonObject();
      json.addProperty("streamName", stream.name());
      if (stream.namespace() != null) {
        json.addProperty("streamnamespace", stream.namespace());
      }
      // Without a destination the server cannot combine sync modes and leaves them out.
      if (destinationId != null) {
        json.add("syncModes", Json.GSON.toJsonTree(syncModesWithDestination(stream)));
      }
      json.add("defaultCursorField", Json.GSON.toJsonTree(stream.defaultCursorField()));
      json.addProperty("sourceDefinedCursorField", stream.sourceDefinedCursor());
      json.add("sourceDefinedPrimaryKey", Json.GSON.toJsonTree(stream.sourceDefinedPrimaryKey()));
      json.add("propertyFields", Json.GSON.toJsonTree(stream.fields()));
      response.add(json);
    }
    return Reply.ok(response);
  }
}
