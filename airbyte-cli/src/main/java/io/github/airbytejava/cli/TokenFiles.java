package io.github.airbytejava.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.airbytejava.AccessToken;
import io.github.airbytejava.TokenStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The token cache on disk: one 0600 file per key (the library's key names the token URL, the client id and a fingerprint of the secret), named by
 * the key's SHA-256 and holding the key too, so a token is only ever read back for the key it was saved under. A
 * corrupt, foreign or too open file is treated as absent and replaced by the next save, never fatal.
 */
final class TokenFiles implements TokenStore {
  private final Path dir;

  TokenFiles(Path dir) {
    this.dir = dir;
  }

  @Override
  public Entry load(String key) throws IOException {
    Path file = fileFor(key);
    String text;
    try {
      if (PrivateFiles.openToOthers(file)) {
        Files.deleteIfExists(file); // a token others could read is not used; a new one replaces it
        return null;
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException none) {
      return null;
    }
    try {
      JsonObject json = JsonParser.parseString(text).getAsJsonObject();
      if (!key.equals(json.get("key").getAsString())) return null;
      Instant expiresAt = json.has("expiresAt") && !json.get("expiresAt").isJsonNull()
          ? Instant.ofEpochMilli(json.get("expiresAt").getAsLong()) : null;
      return new Entry(new AccessToken(json.get("token").getAsString(), expiresAt),
          Instant.ofEpochMilli(json.get("obtainedAt").getAsLong()));
    } catch (RuntimeException corrupt) {
      return null;
    }
  }

  @Override
  public void save(String key, Entry entry) throws IOException {
    JsonObject json = new JsonObject();
    json.addProperty("key", key);
    json.addProperty("token", entry.token().token());
    if (entry.token().expiresAt() != null) json.addProperty("expiresAt", entry.token().expiresAt().toEpochMilli());
    json.addProperty("obtainedAt", entry.obtainedAt().toEpochMilli());
    PrivateFiles.write(fileFor(key), json.toString());
  }

  /** Forgets the tokens of {@code clientId}, on any server. */
  void forget(String clientId) throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        try {
          String key = JsonParser.parseString(Files.readString(file)).getAsJsonObject().get("key").getAsString();
          if (key.contains(" " + clientId + " ")) Files.deleteIfExists(file);
        } catch (RuntimeException corrupt) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private Path fileFor(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      StringBuilder name = new StringBuilder();
      for (int i = 0; i < 16; i++) name.append(String.format("%02x", hash[i]));
      return dir.resolve(name + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
