package io.flotilla.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login: a username and password for a token. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

  static final List<String> FIELDS = List.of("username", "password");

  private final Accounts accounts;

  AuthController(Accounts accounts) {
    this.accounts = accounts;
  }

  /** For the API docs only: the body is read field by field. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Login(String username, String password) {}

  @PostMapping("/login")
  @Operation(summary = "A bearer token for a username and password")
  Tokens.Token login(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = Login.class)))
          @RequestBody
          Map<String, Object> body) {
    var fields = new JsonFields(body, FIELDS);
    String username = fields.required("username", "the account's username");
    String password = fields.required("password", "the account's password");
    fields.throwIfInvalid();
    return accounts.login(username, password);
  }

  @ExceptionHandler
  ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
    return Bodies.unreadable(FIELDS);
  }
}
