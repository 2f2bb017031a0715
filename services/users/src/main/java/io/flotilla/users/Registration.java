package io.flotilla.users;

import static io.flotilla.users.AccountRules.EMAIL_MAX;
import static io.flotilla.users.AccountRules.EMAIL_RULE;
import static io.flotilla.users.AccountRules.NAME_RULE;
import static io.flotilla.users.AccountRules.PASSWORD_MAX_BYTES;
import static io.flotilla.users.AccountRules.PASSWORD_MIN;
import static io.flotilla.users.AccountRules.PASSWORD_RULE;
import static io.flotilla.users.AccountRules.USERNAME_MAX;
import static io.flotilla.users.AccountRules.USERNAME_MIN;
import static io.flotilla.users.AccountRules.USERNAME_RULE;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.platform.validation.Characters;
import io.flotilla.platform.validation.Utf8Bytes;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/**
 * A new account as {@code POST /api/v1/users} receives it. The email is kept lower-case (addresses
 * are compared without case) and names without surrounding spaces, before they are checked; the
 * password as typed.
 */
record Registration(
    @NotNull(message = "is required: " + USERNAME_RULE)
        @Characters(
            min = USERNAME_MIN,
            max = USERNAME_MAX,
            message = "must be {min} to {max} characters long, got {length}")
        @Pattern(
            regexp = AccountRules.USERNAME_CHARACTERS,
            message = "may contain only lower-case letters a-z, digits 0-9 and _")
        @Pattern(
            regexp = AccountRules.STARTS_WITH_A_LETTER,
            message = "must start with a letter a-z")
        @Pattern(regexp = AccountRules.NOT_RESERVED, message = AccountRules.RESERVED_MESSAGE)
        String username,
    @NotNull(message = "is required: " + PASSWORD_RULE)
        @Characters(
            min = PASSWORD_MIN,
            max = Integer.MAX_VALUE,
            message = "must be at least {min} characters")
        @Utf8Bytes(
            max = PASSWORD_MAX_BYTES,
            message =
                "must be at most {max} bytes in UTF-8 (72 ASCII characters, fewer with accents"
                    + " or emoji)")
        String password,
    @NotNull(message = "is required: " + EMAIL_RULE)
        @Characters(max = EMAIL_MAX, message = "must be at most {max} characters, got {length}")
        @Pattern(
            regexp = AccountRules.EMAIL,
            message = "must be an email address like name@example.com")
        String email,
    @JsonProperty("first_name") @NotNull(message = "is required: " + NAME_RULE) @Name
        String firstName,
    @JsonProperty("last_name") @NotNull(message = "is required: " + NAME_RULE) @Name
        String lastName) {

  Registration {
    email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    firstName = firstName == null ? null : firstName.strip();
    lastName = lastName == null ? null : lastName.strip();
  }

  /** Leaves the password out of logs and debuggers. */
  @Override
  public String toString() {
    return "Registration[username=" + username + ", email=" + email + "]";
  }
}
