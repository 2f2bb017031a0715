package io.flotilla.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registration and public profiles. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

  private final Accounts accounts;
  private final UserRepository users;

  UserController(Accounts accounts, UserRepository users) {
    this.accounts = accounts;
    this.users = users;
  }

  @PostMapping
  @Operation(summary = "Create an account; answers its public profile")
  ResponseEntity<Profile> register(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = Registration.class)))
          @RequestBody
          Map<String, Object> body) {
    User user = accounts.register(Registration.from(body));
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
        .body(Profile.of(user));
  }

  @GetMapping("/me")
  @Operation(summary = "The profile of the bearer token's user")
  Profile me(@AuthenticationPrincipal Jwt token) {
    return profile(token.getSubject());
  }

  @GetMapping("/{username}")
  @Operation(summary = "A user's public profile")
  Profile profile(@PathVariable String username) {
    return users
        .findByUsername(username)
        .map(Profile::of)
        .orElseThrow(
            () -> Problems.status(HttpStatus.NOT_FOUND, "No user named \"" + username + "\"."));
  }

  /** The base handler says only "Failed to read request". */
  @ExceptionHandler
  ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
    return Bodies.unreadable(Registration.FIELDS);
  }
}
