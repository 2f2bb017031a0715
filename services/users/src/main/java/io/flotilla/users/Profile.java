package io.flotilla.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A user as an answer shows them: never the password or its hash, and the email only to its owner
 * (left out, not null, for anyone else).
 */
@JsonPropertyOrder({"username", "email", "first_name", "last_name", "created"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record Profile(
    String username,
    String email,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    Instant created) {

  static Profile forOwner(User user) {
    return new Profile(
        user.username(), user.email(), user.firstName(), user.lastName(), user.created());
  }

  static Profile forAnyone(User user) {
    return new Profile(user.username(), null, user.firstName(), user.lastName(), user.created());
  }
}
