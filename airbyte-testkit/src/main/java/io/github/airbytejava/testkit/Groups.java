package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The tag Groups: groups of an organization's users (paged list by {@code organizationId}, create, get, PATCH,
 * delete), their members (paged list, add with 201, remove) and the roles the group holds (list, create with 201,
 * delete). Group names are unique in an organization and a user is a member once (409 otherwise).
 */
final class Groups implements ResourceGroup {

  static final class Group {
    final String id;
    final String organizationId;
    String name;
    final List<Member> members = new ArrayList<>();
    final Map<String, Permissions.Permission> permissions = new LinkedHashMap<>();

    Group(String id, String organizationId, String name) {
      this.id = id;
      this.organizationId = organizationId;
      this.name = name;
    }

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("groupId", id);
      json.addProperty("name", name);
      json.addProperty("organizationId", organizationId);
      json.addProperty("memberCount", members.size());
      return json;
    }

    JsonObject permissionJson(Permissions.Permission p) {
      JsonObject json = new JsonObject();
      json.addProperty("permissionId", p.id);
      json.addProperty("groupId", id);
      json.addProperty("permissionType", p.type);
      if (p.workspaceId != null) {
        json.addProperty("workspaceId", p.workspaceId);
      }
      if (p.organizationId != null) {
        json.addProperty("organizationId", p.organizationId);
      }
      return json;
    }
  }

  record Member(String id, String groupId, Users.User user) {
    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("memberId", id);
      json.addProperty("groupId", groupId);
      json.addProperty("userId", user.id());
      json.addProperty("userEmail", user.email());
      json.addProperty("userName", user.name());
      return json;
    }
  }

  private final Context context;
  private final Organizations organizations;
  private final Users users;
  private final Workspaces workspaces;
  private final Map<String, Group> groups = new LinkedHashMap<>();

  Groups(Context context, Organizations organizations, Users users, Workspaces workspaces) {
    this.context = context;
    this.organizations = organizations;
    this.users = users;
    this.workspaces = workspaces;
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/groups", "listGroups", this::list);
    routes.post("/groups", "createGroup", this::create);
    routes.get("/groups/{groupId}", "getGroup", call -> Reply.ok(require(call).toJson()));
    routes.patch("/groups/{groupId}", "updateGroup", this::update);
    routes.delete("/groups/{groupId}", "deleteGroup", this::delete);
    routes.get("/groups/{groupId}/members", "listGroupMembers",
        call -> Page.of(context, call, require(call).members, Member::toJson));
    routes.post("/groups/{groupId}/members", "addGroupMember", this::addMember);
    routes.delete("/groups/{groupId}/members/{userId}", "removeGroupMember", this::removeMember);
    routes.get("/groups/{groupId}/permissions", "listGroupPermissions", this::listPermissions);
    routes.post("/groups/{groupId}/permissions", "createGroupPermission", this::createPermission);
    routes.delete("/groups/{groupId}/permissions/{permissionId}", "deleteGroupPermission", this::deletePermission);
  }

  @Override
  public void reset() {
    groups.clear();
  }

  private Group require(Call call) {
    String id = call.path("groupId");
    Group group = groups.get(Check.uuid(id, "groupId"));
    if (group == null) {
      throw new Reply.Refusal(Reply.notFound("group", id));
    }
    return group;
  }

  private static Reply conflict(String message) {
    return Reply.problem(409, "state-conflict", message, Json.object("message", message));
  }

  private Reply nameTaken(String organizationId, String name, Group self) {
    for (Group g : groups.values()) {
      if (g != self && g.organizationId.equals(organizationId) && g.name.equals(name)) {
        return conflict("Group with this name already exists in the organization: " + name + ".");
      }
    }
    return null;
  }

  private Reply create(Call call) {
    JsonObject body = call.json();
    String name = Json.requiredString(body, "name");
    String organizationId = organizations.require(Json.requiredString(body, "organizationId")).id();
    Reply taken = nameTaken(organizationId, name, null);
    if (taken != null) {
      return taken;
    }
    Group group = new Group(UUID.randomUUID().toString(), organizationId, name);
    groups.put(group.id, group);
    return Reply.ok(group.toJson());
  }

  private Reply update(Call call) {
    Group group = require(call);
    String name = Json.string(call.json(), "name");
    if (name != null) {
      Reply taken = nameTaken(group.organizationId, name, group);
      if (taken != null) {
        return taken;
      }
      group.name = name;
    }
    return Reply.ok(group.toJson());
  }

  private Reply delete(Call call) {
    groups.remove(require(call).id);
    return Reply.noContent();
  }

  private Reply list(Call call) {
    String organizationId = call.query("organizationId");
    if (organizationId == null) {
      return Reply.badRequest("'organizationId' is required.");
    }
    String organization = organizations.require(organizationId).id();
    List<Group> items = groups.values().stream().filter(g -> g.organizationId.equals(organization)).toList();
    return Page.of(context, call, items, Group::toJson);
  }

  private Reply addMember(Call call) {
    Group group = require(call);
    Users.User user = users.require(Json.requiredString(call.json(), "userId"));
    if (group.members.stream().anyMatch(m -> m.user().id().equals(user.id()))) {
      return conflict("The user " + user.id() + " is already a member of the group.");
    }
    Member member = new Member(UUID.randomUUID().toString(), group.id, user);
    group.members.add(member);
    return Reply.json(201, member.toJson());
  }

  private Reply removeMember(Call call) {
    Group group = require(call);
    String userId = Check.uuid(call.path("userId"), "userId");
    if (!group.members.removeIf(m -> m.user().id().equals(userId))) {
      return Reply.notFound("group_member", userId);
    }
    return Reply.noContent();
  }

  private Reply listPermissions(Call call) {
    Group group = require(call);
    JsonArray data = new JsonArray();
    group.permissions.values().forEach(p -> data.add(group.permissionJson(p)));
    return Reply.data(data);
  }

  private Reply createPermission(Call call) {
    Group group = require(call);
    JsonObject body = call.json();
    String type = Check.oneOf(Json.requiredString(body, "permissionType"), Permissions.TYPES, "permissionType");
    String[] scope = Permissions.scope(type, Json.string(body, "workspaceId"), Json.string(body, "organizationId"),
        workspaces, organizations);
    for (Permissions.Permission p : group.permissions.values()) {
      if (Objects.equals(p.workspaceId, scope[0]) && Objects.equals(p.organizationId, scope[1])) {
        return conflict("The group already has the role " + p.type + " there (permission " + p.id + ").");
      }
    }
    Permissions.Permission permission =
        new Permissions.Permission(UUID.randomUUID().toString(), type, null, scope[0], scope[1]);
    group.permissions.put(permission.id, permission);
    return Reply.json(201, group.permissionJson(permission));
  }

  private Reply deletePermission(Call call) {
    Group group = require(call);
    String permissionId = Check.uuid(call.path("permissionId"), "permissionId");
    if (group.permissions.remove(permissionId) == null) {
      return Reply.notFound("group_permission", permissionId);
    }
    return Reply.noContent();
  }
}
