package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tag Users: the users of an organization. The API cannot create users (they sign up or are invited); the fake
 * has the caller, {@link #defaultUser()}, and the ones a test adds with {@code fake.addUser(name, email)}, all in the
 * fake's one organization.
 */
final class Users implements ResourceGroup {

  record User(String id, String name, String email) {
    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("id", id);
      json.addProperty("name", name);
      json.addProperty("email", email);
      return json;
    }
  }

  private final Organizations organizations;
  private final User defaultUser = new User(UUID.randomUUID().toString(), "Fake User", "user@example.com");
  private final Map<String, User> users = new LinkedHashMap<>();

  Users(Organizations organizations) {
    this.organizations = organizations;
    reset();
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/users", "listUsersWithinAnOrganization", this::list);
  }

  @Override
  public void reset() {
    users.clear();
    users.put(defaultUser.id(), defaultUser);
  }

  User defaultUser() {
    return defaultUser;
  }

  User add(String name, String email) {
    for (User u : users.values()) {
      if (u.email().equalsIgnoreCase(email)) {
        throw new IllegalArgumentException("The fake already has a user with e-mail " + email);
      }
    }
    User user = new User(UUID.randomUUID().toString(), name, email);
    users.put(user.id(), user);
    return user;
  }

  /** The user, or a {@link Reply.Refusal} with the 404. */
  User require(String id) {
    User user = users.get(Check.uuid(id, "userId"));
    if (user == null) {
      throw new Reply.Refusal(Reply.notFound("user", id));
    }
    return user;
  }

  private Reply list(Call call) {
    String organizationId = call.query("organizationId");
    if (organizationId == null) {
      return Reply.badRequest("'organizationId' is required.");
    }
    organizations.require(organizationId);
    Set<String> ids = call.uuidsQuery("ids");
    Set<String> emails = new java.util.HashSet<>();
    call.listQuery("emails").forEach(e -> emails.add(e.toLowerCase(Locale.ROOT)));
    JsonArray data = new JsonArray();
    for (User u : users.values()) {
      if ((ids.isEmpty() || ids.contains(u.id())) && (emails.isEmpty()
          || emails.contains(u.email().toLowerCase(Locale.ROOT)))) {
        data.add(u.toJson());
      }
    }
    return Reply.data(data);
  }
}
