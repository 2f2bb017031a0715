package io.flotilla.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration and profiles. A profile shows its email only to its owner: in the answer to the
 * registration and at {@code /me}, never at {@code /{username}}.
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserController {

  private final Accounts accounts;
  private final UserRepository users;

  UserController(Accounts accounts, UserRepository users) {
    this.accounts = accounts;
    this.users = users;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an account; answers its profile, email included")
  ResponseEntity<Profile> register(@Valid @RequestBody Registration registration) {
    User user = accounts.register(registration);
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
        .body(Profile.forOwner(user));
  }

  @GetMapping("/me")
  @Operation(summary = "The profile of the bearer token's user, email included")
  @SecurityRequirement(name = "bearer")
  Profile me(@AuthenticationPrincipal Jwt token) {
    return Profile.forOwner(find(token.getSubject()));
  }

  @GetMapping("/{username}")
  @Operation(summary = "A user's public profile (no email)")
  Profile profile(@PathVariable @LoginName String username) {
    return Profile.forAnyone(find(username));
  }

  private User find(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(
            () -> Problems.status(HttpStatus.NOT_FOUND, "No user named \"" + username + "\"."));
  }
}
