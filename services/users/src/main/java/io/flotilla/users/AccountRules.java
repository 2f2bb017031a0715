package io.flotilla.users;

import java.nio.charset.StandardCharsets;

/**
 * What a username, an email, a password and a name may be, for the Bean Validation annotations on
 * the bodies ({@link Registration}, {@link AuthController.Login}) and the path. Each rule has its
 * own message that says what is allowed.
 */
final class AccountRules {

  private AccountRules() {}

  static final String USERNAME_RULE =
      "3 to 30 characters of a-z, 0-9 and _, starting with a letter";
  static final int USERNAME_MIN = 3;
  static final int USERNAME_MAX = 30;
  static final String USERNAME_CHARACTERS = "[a-z0-9_]*";
  static final String STARTS_WITH_A_LETTER = "(?s)([a-z].*)?";

  /** Words that would collide with routes such as {@code /api/v1/users/me}. */
  static final String NOT_RESERVED = "(?s)(?!(?:admin|api|me|tags)\\z).*";

  static final String RESERVED_MESSAGE =
      "\"${validatedValue}\" is reserved, as are all of admin, api, me, tags";

  /** A name as typed at login or in a path: any case (it is lower-cased), no other characters. */
  static final String ANY_CASE_USERNAME = "[A-Za-z0-9_]*";

  static final String EMAIL_RULE = "an email address of at most 254 characters";
  static final int EMAIL_MAX = 254;

  /**
   * An address as people type them: a dot-atom local part of at most 64 characters, and a domain of
   * at least two labels of letters, digits and inner hyphens. Longer than {@link #EMAIL_MAX}, the
   * length alone is reported.
   */
  static final String EMAIL =
      "(?s).{255,}|(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
          + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

  static final String PASSWORD_RULE = "at least 8 characters and at most 72 bytes";
  static final int PASSWORD_MIN = 8;

  /** BCrypt reads only the first 72 bytes; a longer password would be silently cut. */
  static final int PASSWORD_MAX_BYTES = 72;

  static final String NAME_RULE = "1 to 100 characters";
  static final int NAME_MAX = 100;

  static boolean tooLongForBcrypt(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES;
  }
}
