package io.flotilla.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The secret every service signs and checks service tokens with: {@code FLOTILLA_SERVICE_SECRET}
 * when it is set, or else a random one for this run. Either way it is written to {@code
 * <data>/service-secret}, readable by this user only, where the command line finds it to make an
 * operator's tokens ({@code ./flotilla faults}, {@code ./flotilla token}).
 */
final class ServiceSecret {

  static final String VARIABLE = "FLOTILLA_SERVICE_SECRET";

  /** In the data directory; the command line reads it from the same place. */
  static final String FILE = "service-secret";

  /** The services refuse a shorter one: HS256 needs 256 bits. */
  static final int MIN_BYTES = 32;

  private ServiceSecret() {}

  static String from(Map<String, String> env) {
    String given = env.get(VARIABLE);
    if (given == null || given.isEmpty()) {
      byte[] random = new byte[MIN_BYTES];
      new SecureRandom().nextBytes(random);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    int bytes = given.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < MIN_BYTES) {
      throw new IllegalArgumentException(
          VARIABLE
              + " must be at least "
              + MIN_BYTES
              + " bytes, got "
              + bytes
              + "; make one with: openssl rand -base64 48");
    }
    return given;
  }

  /**
   * Writes the secret to {@code <data>/service-secret} with owner-only permissions (0600), in place
   * of an earlier start's, and says where.
   *
   * @param data the data directory ({@code FLOTILLA_DATA_DIR}, else {@code data}), made if missing
   */
  static Path write(Path data, String secret) {
    Path file = data.resolve(FILE);
    try {
      Files.createDirectories(data);
      // Made with its permissions, then moved into place: never readable by others, not even
      // for a moment, and never half written.
      Path fresh =
          data.getFileSystem().supportedFileAttributeViews().contains("posix")
              ? Files.createTempFile(
                  data,
                  "." + FILE,
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(data, "." + FILE, ".tmp");
      try {
        Files.writeString(fresh, secret, StandardCharsets.UTF_8);
        Files.move(
            fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(fresh);
      }
    } catch (IOException e) {
      throw new LaunchException("cannot write the service secret to " + file + ": " + e);
    }
    return file;
  }
}
