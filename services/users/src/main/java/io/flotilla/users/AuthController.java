package io.flotilla.users;

import io.flotilla.platform.ClientAddresses;
import io.flotilla.platform.validation.Utf8Bytes;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login: a username and password for a token. */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthController {

  private final Accounts accounts;
  private final ClientAddresses clients;

  AuthController(Accounts accounts, ClientAddresses clients) {
    this.accounts = accounts;
    this.clients = clients;
  }

  /**
   * A login as sent. Bounded before anything else sees it, so that no throttle, lookup or log line
   * ever holds a name no account can have.
   */
  record Login(
      @NotNull(message = "is required: the account's username") @LoginName String username,
      @NotNull(message = "is required: the account's password")
          @Utf8Bytes(max = AccountRules.PASSWORD_MAX_BYTES, message = "must be at most {max} bytes")
          String password) {

    /** Leaves the password out of logs and debuggers. */
    @Override
    public String toString() {
      return "Login[username=" + username + "]";
    }
  }

  @PostMapping("/login")
  @Operation(summary = "A bearer token for a username and password")
  Tokens.Token login(@Valid @RequestBody Login login, HttpServletRequest request) {
    return accounts.login(login.username(), login.password(), clients.of(request));
  }
}
