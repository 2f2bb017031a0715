package io.flotilla.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A new account as {@code POST /api/v1/users} receives it, checked. The email is kept lower-case
 * (addresses are compared without case) and names without surrounding spaces; the password as
 * typed.
 */
record Registration(
    String username,
    String password,
    String email,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName) {

  static final List<String> FIELDS =
      List.of("username", "password", "email", "first_name", "last_name");

  private static final String USERNAME =
      "3 to 30 characters of a-z, 0-9 and _, starting with a letter";
  private static final String EMAIL = "an email address of at most 254 characters";
  private static final String PASSWORD = "at least 8 characters and at most 72 bytes";
  private static final String NAME = "1 to 100 characters";

  /** The checked registration, or a 400 listing every problem of the body. */
  static Registration from(Map<String, Object> body) {
    var fields = new JsonFields(body, FIELDS);
    String username = fields.required("username", USERNAME);
    fields.check("username", username, AccountRules::username);
    String password = fields.required("password", PASSWORD);
    fields.check("password", password, AccountRules::password);
    String email = strip(fields.required("email", EMAIL));
    fields.check("email", email, AccountRules::email);
    String firstName = strip(fields.required("first_name", NAME));
    fields.check("first_name", firstName, AccountRules::name);
    String lastName = strip(fields.required("last_name", NAME));
    fields.check("last_name", lastName, AccountRules::name);
    fields.throwIfInvalid();
    return new Registration(
        username, password, email.toLowerCase(Locale.ROOT), firstName, lastName);
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  /** Leaves the password out of logs and debuggers. */
  @Override
  public String toString() {
    return "Registration[username=" + username + ", email=" + email + "]";
  }
}
