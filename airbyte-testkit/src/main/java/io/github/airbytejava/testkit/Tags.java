package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The tag Tags: a workspace's tags for grouping connections (create, get, list by {@code workspaceIds}, PATCH,
 * delete). As on the server (TagHandler): names are unique within a workspace (409 {@code error:tag-already-exists})
 * and at most 30 characters, colours are six hexadecimal digits, a workspace holds at most 100 tags.
 */
final class Tags implements ResourceGroup {

  static final int MAX_NAME_LENGTH = 30;
  static final int MAX_PER_WORKSPACE = 100;
  private static final Pattern HEX_COLOR = Pattern.compile("[0-9A-Fa-f]{6}");

  static final class Tag {
    final String id;
    final String workspaceId;
    String name;
    String color;

    Tag(String id, String workspaceId, String name, String color) {
      this.id = id;
      this.workspaceId = workspaceId;
      this.name = name;
      this.color = color;
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("tagId", id);
      json.addProperty("name", name);
      json.addProperty("color", color);
      json.addProperty("workspaceId", workspaceId);
      return json;
    }
  }

  private final Workspaces workspaces;
  private final Map<String, Tag> tags = new LinkedHashMap<>();
  private Consumer<Tag> onDelete = tag -> { };

  Tags(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/tags", "listTags", this::list);
    routes.post("/tags", "createTag", this::create);
    routes.get("/tags/{tagId}", "getTag", this::get);
    routes.patch("/tags/{tagId}", "updateTag", this::update);
    routes.delete("/tags/{tagId}", "deleteTag", this::delete);
  }

  @Override
  public void reset() {
    tags.clear();
  }

  /** Called for each tag deleted, e.g. to take it off the connections that carry it. */
  void whenDeleted(Consumer<Tag> onDelete) {
    this.onDelete = onDelete;
  }

  Tag find(String id) {
    return tags.get(Check.uuid(id, "tagId"));
  }

  /**
   * The tags a connection of this workspace is given: each must name (by {@code tagId}) a tag of the workspace; the
   * other fields sent are not used, as the server keeps only the reference.
   */
  List<Tag> resolve(JsonArray requested, String workspaceId) {
    List<Tag> out = new ArrayList<>();
    for (JsonElement element : requested) {
      if (!element.isJsonObject()) {
        throw new Json.BadRequest("Each of 'tags' must be a JSON object with a 'tagId'.");
      }
      String tagId = Json.requiredString(element.getAsJsonObject(), "tagId");
      Tag tag = find(tagId);
      if (tag == null || !tag.workspaceId.equals(workspaceId)) {
        throw new Reply.Refusal(Reply.notFound("tag", tagId));
      }
      if (!out.contains(tag)) {
        out.add(tag);
      }
    }
    return out;
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String name = Json.requiredString(body, "name");
    String color = Json.requiredString(body, "color");
    String workspaceId = Json.requiredString(body, "workspaceId");
    if (workspaces.find(workspaceId) == null) {
      return Reply.notFound("workspace", workspaceId);
    }
    String workspace = Check.uuid(workspaceId, "workspaceId");
    Reply invalid = invalid(name, color, workspace, null);
    if (invalid != null) {
      return invalid;
    }
    if (tags.values().stream().filter(t -> t.workspaceId.equals(workspace)).count() >= MAX_PER_WORKSPACE) {
      return Reply.problem(400, "error:tag-limit-for-workspace-reached",
          "Maximum " + MAX_PER_WORKSPACE + " tags can be created in a workspace.", null);
    }
    Tag tag = new Tag(UUID.randomUUID().toString(), workspace, name, color);
    tags.put(tag.id, tag);
    return Reply.ok(tag.toJson());
  }

  /** The problem with a tag's name or colour, or null; {@code self} is the tag being renamed, if any. */
  private Reply invalid(String name, String color, String workspaceId, Tag self) {
    if (name.length() > MAX_NAME_LENGTH) {
      return Reply.problem(400, "error:tag-name-too-long",
          "Tag names are at most " + MAX_NAME_LENGTH + " characters long.", null);
    }
    if (!HEX_COLOR.matcher(color).matches()) {
      return Reply.problem(400, "error:tag-invalid-hex-color",
          "A tag's color is six hexadecimal digits, such as FF5733, not '" + color + "'.", null);
    }
    for (Tag other : tags.values()) {
      if (other != self && other.workspaceId.equals(workspaceId) && other.name.equals(name)) {
        return Reply.problem(409, "error:tag-already-exists",
            "A tag named '" + name + "' already exists in this workspace.", null);
      }
    }
    return null;
  }

  private Reply get(Call call) {
    Tag tag = find(call.path("tagId"));
    return tag == null ? Reply.notFound("tag", call.path("tagId")) : Reply.ok(tag.toJson());
  }

  private Reply update(Call call) {
    Tag tag = find(call.path("tagId"));
    if (tag == null) {
      return Reply.notFound("tag", call.path("tagId"));
    }
    JsonObject body = call.json();
    String name = Json.requiredString(body, "name");
    String color = Json.requiredString(body, "color");
    Reply invalid = invalid(name, color, tag.workspaceId, tag);
    if (invalid != null) {
      return invalid;
    }
    tag.name = name;
    tag.color = color;
    return Reply.ok(tag.toJson());
  }

  private Reply delete(Call call) {
    Tag tag = find(call.path("tagId"));
    if (tag == null) {
      return Reply.notFound("tag", call.path("tagId"));
    }
    tags.remove(tag.id);
    onDelete.accept(tag);
    return Reply.noContent();
  }

  /** Not paged: every tag of the given workspaces, or of every workspace. */
  private Reply list(Call call) {
    Set<String> ids = call.uuidsQuery("workspaceIds");
    JsonArray data = new JsonArray();
    for (Tag t : tags.values()) {
      if (ids.isEmpty() || ids.contains(t.workspaceId)) {
        data.add(t.toJson());
      }
    }
    return Reply.data(data);
  }
}
