package io.github.airbytejava.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Files that hold a secret (the config file with client secrets, cached tokens): written mode 0600 in a 0700
 * directory, replaced atomically (a reader never sees half a file, two writers never mix theirs), and refused when
 * others may read them, as ssh refuses a private key.
 */
final class PrivateFiles {
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE);

  private PrivateFiles() {}

  /** {@code $XDG_CONFIG_HOME/airbyte}, else {@code ~/.config/airbyte}. */
  static Path configDir(Map<String, String> env) {
    return xdg(env, "XDG_CONFIG_HOME", ".config");
  }

  /** {@code $XDG_CACHE_HOME/airbyte}, else {@code ~/.cache/airbyte}. */
  static Path cacheDir(Map<String, String> env) {
    return xdg(env, "XDG_CACHE_HOME", ".cache");
  }

  private static Path xdg(Map<String, String> env, String variable, String fallback) {
    String base = env.get(variable);
    if (base != null && !base.isBlank()) return Path.of(base, "airbyte");
    String home = env.get("HOME");
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), fallback, "airbyte");
  }

  /**
   * Whether others than the owner may read or write {@code file}; such a file is not used.
   */
  static boolean openToOthers(Path file) throws IOException {
    if (!POSIX) return false;
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    permissions.retainAll(OPEN_TO_OTHERS);
    return !permissions.isEmpty();
  }

  /** The message for such a file, saying how to fix it. */
  static String tooOpen(Path file) throws IOException {
    return file + " holds secrets but others may read it (mode "
        + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) + "); fix it with: chmod 600 " + file;
  }

  /** Writes {@code text} to {@code file}, mode 0600, replacing it atomically. */
  static void write(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (POSIX) {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
    } else {
      Files.createDirectories(dir);
    }
    Path temp = POSIX
        ? Files.createTempFile(dir, ".tmp-", "", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".tmp-", "");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
