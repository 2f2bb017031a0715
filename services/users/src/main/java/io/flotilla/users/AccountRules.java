package io.flotilla.users;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a username, an email, a password and a name may be: one message per problem, each saying
 * what is allowed. Pure functions, no Spring.
 */
final class AccountRules {

  static final int USERNAME_MIN = 3;
  static final int USERNAME_MAX = 30;

  /** Words that would collide with routes such as {@code /api/v1/users/me}. */
  static final Set<String> RESERVED = Set.of("me", "tags", "admin", "api");

  static final int EMAIL_MAX = 254;
  static final int PASSWORD_MIN = 8;

  /** BCrypt reads only the first 72 bytes; a longer password would be silently cut. */
  static final int PASSWORD_MAX_BYTES = 72;

  static final int NAME_MAX = 100;

  private static final Pattern USERNAME_CHARACTERS = Pattern.compile("[a-z0-9_]*");

  /**
   * An address as people type them: a dot-atom local part of at most 64 characters, and a domain of
   * at least two labels of letters, digits and inner hyphens.
   */
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
              + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private AccountRules() {}

  static List<String> username(String username) {
    var problems = new ArrayList<String>();
    int length = username.length();
    if (length < USERNAME_MIN || length > USERNAME_MAX) {
      problems.add(
          "must be " + USERNAME_MIN + " to " + USERNAME_MAX + " characters long, got " + length);
    }
    if (!USERNAME_CHARACTERS.matcher(username).matches()) {
      problems.add("may contain only lower-case letters a-z, digits 0-9 and _");
    }
    if (length > 0 && !(username.charAt(0) >= 'a' && username.charAt(0) <= 'z')) {
      problems.add("must start with a letter a-z");
    }
    if (RESERVED.contains(username)) {
      problems.add(
          "\"" + username + "\" is reserved, as are all of " + String.join(", ", reserved()));
    }
    return problems;
  }

  private static List<String> reserved() {
    return RESERVED.stream().sorted().toList();
  }

  static List<String> email(String email) {
    if (email.length() > EMAIL_MAX) {
      return List.of("must be at most " + EMAIL_MAX + " characters, got " + email.length());
    }
    if (!EMAIL.matcher(email).matches()) {
      return List.of("must be an email address like name@example.com");
    }
    return List.of();
  }

  static List<String> password(String password) {
    var problems = new ArrayList<String>();
    if (password.codePointCount(0, password.length()) < PASSWORD_MIN) {
      problems.add("must be at least " + PASSWORD_MIN + " characters");
    }
    if (tooLongForBcrypt(password)) {
      problems.add(
          "must be at most "
              + PASSWORD_MAX_BYTES
              + " bytes in UTF-8 (72 ASCII characters, fewer with accents or emoji)");
    }
    return problems;
  }

  static boolean tooLongForBcrypt(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES;
  }

  /** A first or last name, after surrounding spaces are dropped. */
  static List<String> name(String name) {
    var problems = new ArrayList<String>();
    if (name.isEmpty()) {
      problems.add("must not be blank");
    } else if (name.length() > NAME_MAX) {
      problems.add("must be at most " + NAME_MAX + " characters, got " + name.length());
    }
    if (CONTROL.matcher(name).find()) {
      problems.add("must not contain control characters");
    }
    return problems;
  }
}
