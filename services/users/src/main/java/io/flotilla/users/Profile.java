package io.flotilla.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** A user as anyone may see them: never the password or its hash. */
@JsonPropertyOrder({"username", "email", "first_name", "last_name", "created"})
record Profile(
    String username,
    String email,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    Instant created) {

  static Profile of(User user) {
    return new Profile(
        user.username(), user.email(), user.firstName(), user.lastName(), user.created());
  }
}
