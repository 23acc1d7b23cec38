package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain OkHttp + Gson client for driving the fake in tests: no retries, so every fault shows. */
final class Http {

  static final MediaType JSON = MediaType.get("application/json");
  private static final OkHttpClient SHARED = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(Duration.ofSeconds(10))
      .build();

  record Res(int status, String contentType, String text, String retryAfter, String location) {
    JsonObject json() {
      return JsonParser.parseString(text).getAsJsonObject();
    }

    JsonElement element() {
      return JsonParser.parseString(text);
    }
  }

  private final FakeAirbyte fake;
  private final OkHttpClient client;
  private String token;

  Http(FakeAirbyte fake) {
    this(fake, SHARED);
  }

  Http(FakeAirbyte fake, OkHttpClient client) {
    this.fake = fake;
    this.client = client;
  }

  static OkHttpClient client() {
    return SHARED;
  }

  /** Fetches a token with the fake's credentials and uses it from then on. */
  Http login() {
    Res res = tokenRequest(fake.clientId(), fake.clientSecret());
    if (res.status() != 200) {
      throw new AssertionError("token request failed: " + res);
    }
    token = res.json().get("access_token").getAsString();
    return this;
  }

  Http token(String token) {
    this.token = token;
    return this;
  }

  String token() {
    return token;
  }

  Res tokenRequest(String clientId, String clientSecret) {
    JsonObject body = new JsonObject();
    body.addProperty("client_id", clientId);
    body.addProperty("client_secret", clientSecret);
    body.addProperty("grant-type", "client_credentials");
    return send(new Request.Builder().url(fake.tokenUrl()).post(RequestBody.create(body.toString(), JSON)).build());
  }

  Res get(String path) {
    return send(authorized(path).get().build());
  }

  Res delete(String path) {
    return send(authorized(path).delete().build());
  }

  Res post(String path, JsonObject body) {
    return send(authorized(path).post(RequestBody.create(body.toString(), JSON)).build());
  }

  Res patch(String path, JsonObject body) {
    return send(authorized(path).patch(RequestBody.create(body.toString(), JSON)).build());
  }

  Res put(String path, JsonObject body) {
    return send(authorized(path).put(RequestBody.create(body.toString(), JSON)).build());
  }

  /** GET of a full URL, e.g. a {@code next} link. */
  Res getUrl(String url) {
    Request.Builder builder = new Request.Builder().url(url).get();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return send(builder.build());
  }

  Request.Builder authorized(String path) {
    Request.Builder builder = new Request.Builder().url(fake.baseUrl() + path);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  Res send(Request request) {
    try {
      return sendOrThrow(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Res sendOrThrow(Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return new Res(response.code(), response.header("Content-Type"), response.body().string(),
          response.header("Retry-After"), response.header("Location"));
    }
  }

  static JsonObject obj(Object... keyValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      String k = (String) keyValues[i];
      if (v instanceof JsonElement e) {
        o.add(k, e);
      } else if (v instanceof Number n) {
        o.addProperty(k, n);
      } else if (v instanceof Boolean b) {
        o.addProperty(k, b);
      } else {
        o.addProperty(k, v == null ? null : v.toString());
      }
    }
    return o;
  }

  static JsonArray arr(Object... items) {
    JsonArray a = new JsonArray();
    for (Object item : items) {
      if (item instanceof JsonElement e) {
        a.add(e);
      } else if (item instanceof Number n) {
        a.add(n);
      } else {
        a.add((String) item);
      }
    }
    return a;
  }

  /** Creates a Faker source; returns its id. */
  String createSource(String workspaceId, String name) {
    return post("/sources", obj("name", name, "workspaceId", workspaceId,
        "configuration", obj("sourceType", "faker", "count", 5432))).json().get("sourceId").getAsString();
  }

  /** Creates a dev-null destination; returns its id. */
  String createDestination(String workspaceId, String name) {
    return post("/destinations", obj("name", name, "workspaceId", workspaceId,
        "definitionId", "a7bcc9d8-13b3-4e49-b80d-d020b90045e3",
        "configuration", obj("test_destination", obj("test_destination_type", "SILENT"))))
        .json().get("destinationId").getAsString();
  }

  /** Creates a Faker source, a dev-null destination and a connection between them; returns the connection id. */
  String createConnection(String workspaceId) {
    return post("/connections", obj("sourceId", createSource(workspaceId, "Faker"),
        "destinationId", createDestination(workspaceId, "Nowhere"))).json().get("connectionId").getAsString();
  }
}
