package io.flotilla.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.flotilla.testsupport.ClientAt;
import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.TestClock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Registration, login and profiles over real HTTP on H2: exact statuses, headers and bodies. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class UsersApiTest {

  @LocalServerPort int port;
  @Autowired TestClock clock;

  Http http;

  @BeforeEach
  void connect() {
    http = Http.port(port);
  }

  /** A username no other test uses, so tests sharing the database do not collide. */
  private static String unique(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String registration(
      String username, String password, String email, String firstName, String lastName) {
    return "{\"username\":\""
        + username
        + "\",\"password\":\""
        + password
        + "\",\"email\":\""
        + email
        + "\",\"first_name\":\""
        + firstName
        + "\",\"last_name\":\""
        + lastName
        + "\"}";
  }

  private String register(String username) {
    Http.Answer created =
        http.post(
            "/api/v1/users",
            registration(username, "correct horse", username + "@example.com", "Ada", "Lovelace"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return username;
  }

  private static String problem(int status, String title, String detail, String instance) {
    return "{\"detail\":\""
        + detail
        + "\",\"instance\":\""
        + instance
        + "\",\"status\":"
        + status
        + ",\"title\":\""
        + title
        + "\"}";
  }

  @Test
  void aRegistrationIsAnsweredWithItsLocationAndThePublicProfile() {
    String username = unique("ada");
    String created = clock.instant().toString();

    Http.Answer answer =
        http.post(
            "/api/v1/users",
            registration(
                username, "correct horse", " Ada.L@Example.COM ", " Ada ", "King-Lovelace"));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.header("Location")).isEqualTo("/api/v1/users/" + username);
    assertThat(answer.contentType()).isEqualTo("application/json");
    String profile =
        "{\"username\":\""
            + username
            + "\",\"email\":\"ada.l@example.com\",\"first_name\":\"Ada\","
            + "\"last_name\":\"King-Lovelace\",\"created\":\""
            + created
            + "\"}";
    assertThat(answer.body()).isEqualTo(profile);
    Http.Answer read = http.get("/api/v1/users/" + username);
    assertThat(read.status()).isEqualTo(200);
    // Anyone may read the profile; only its owner sees the email.
    assertThat(read.body()).isEqualTo(profile.replace("\"email\":\"ada.l@example.com\",", ""));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ab         | username must be 3 to 30 characters long, got 2
          abcdefghijklmnopqrstuvwxyz_12345 | username must be 3 to 30 characters long, got 32
          bob-smith  | username may contain only lower-case letters a-z, digits 0-9 and _
          Bobby      | username may contain only lower-case letters a-z, digits 0-9 and _; username must start with a letter a-z
          9lives     | username must start with a letter a-z
          _bob       | username must start with a letter a-z
          admin      | username \\"admin\\" is reserved, as are all of admin, api, me, tags
          me         | username must be 3 to 30 characters long, got 2; username \\"me\\" is reserved, as are all of admin, api, me, tags
          """)
  void aUsernameOutsideTheRuleIsRefusedSayingWhatIsAllowed(String username, String detail) {
    Http.Answer answer =
        http.post(
            "/api/v1/users",
            registration(username, "correct horse", unique("u") + "@example.com", "A", "B"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body()).startsWith(problemStart(detail + "."));
  }

  private static String problemStart(String detail) {
    return "{\"detail\":\""
        + detail
        + "\",\"instance\":\"/api/v1/users\",\"status\":400,\"title\":\"Bad Request\",\"errors\":[";
  }

  @Test
  void eachProblemIsListedByFieldInTheErrorsExtension() {
    Http.Answer answer =
        http.post(
            "/api/v1/users",
            "{\"username\":\"1a\",\"password\":\"short\",\"email\":\"not-an-email\","
                + "\"first_name\":\"  \",\"last_name\":\"a\\u0000b\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .isEqualTo(
            "{\"detail\":\"username must be 3 to 30 characters long, got 2; username must start"
                + " with a letter a-z; password must be at least 8 characters; email must be an"
                + " email address like name@example.com; first_name must not be blank; last_name"
                + " must not contain control characters.\","
                + "\"instance\":\"/api/v1/users\",\"status\":400,\"title\":\"Bad Request\","
                + "\"errors\":["
                + "{\"field\":\"username\",\"message\":\"must be 3 to 30 characters long, got 2\"},"
                + "{\"field\":\"username\",\"message\":\"must start with a letter a-z\"},"
                + "{\"field\":\"password\",\"message\":\"must be at least 8 characters\"},"
                + "{\"field\":\"email\",\"message\":\"must be an email address like"
                + " name@example.com\"},"
                + "{\"field\":\"first_name\",\"message\":\"must not be blank\"},"
                + "{\"field\":\"last_name\",\"message\":\"must not contain control characters\"}]}");
  }

  @Test
  void aFieldOfAnotherJsonTypeOrAnUnknownFieldIsNamed() {
    assertThat(
            http.post(
                    "/api/v1/users",
                    "{\"username\":\"bob\",\"password\":\"correct horse\",\"email\":\"b@x.org\","
                        + "\"first_name\":\"B\",\"last_name\":42}")
                .body())
        .isEqualTo(
            "{\"detail\":\"last_name must be a string.\",\"instance\":\"/api/v1/users\","
                + "\"status\":400,\"title\":\"Bad Request\",\"errors\":[{\"field\":\"last_name\","
                + "\"message\":\"must be a string\"}]}");
    assertThat(http.post("/api/v1/users", "{\"username\":\"bob\",\"nickname\":\"x\"}").body())
        .isEqualTo(
            "{\"detail\":\"nickname is not a known field; the fields are username, password,"
                + " email, first_name, last_name.\",\"instance\":\"/api/v1/users\",\"status\":400,"
                + "\"title\":\"Bad Request\",\"errors\":[{\"field\":\"nickname\",\"message\":"
                + "\"is not a known field; the fields are username, password, email, first_name,"
                + " last_name\"}]}");
  }

  @Test
  void missingFieldsAreEachNamed() {
    Http.Answer answer = http.post("/api/v1/users", "{}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .startsWith(
            problemStart(
                "username is required: 3 to 30 characters of a-z, 0-9 and _, starting with a"
                    + " letter; password is required: at least 8 characters and at most 72 bytes;"
                    + " email is required: an email address of at most 254 characters; first_name"
                    + " is required: 1 to 100 characters; last_name is required: 1 to 100"
                    + " characters."));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bob@            | email must be an email address like name@example.com
          bob@localhost   | email must be an email address like name@example.com
          bob smith@x.org | email must be an email address like name@example.com
          @example.com    | email must be an email address like name@example.com
          """)
  void anAddressThatIsNotAnEmailIsRefused(String email, String detail) {
    Http.Answer answer =
        http.post("/api/v1/users", registration(unique("e"), "correct horse", email, "A", "B"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).startsWith(problemStart(detail + "."));
  }

  @Test
  void anEmailLongerThan254CharactersIsRefused() {
    String email =
        "a".repeat(64)
            + "@"
            + "b".repeat(60)
            + "."
            + "c".repeat(60)
            + "."
            + "d".repeat(68)
            + ".org";

    Http.Answer answer =
        http.post("/api/v1/users", registration(unique("e"), "correct horse", email, "A", "B"));

    assertThat(answer.body())
        .startsWith(
            problemStart("email must be at most 254 characters, got " + email.length() + "."));
  }

  @Test
  void passwordsMustBeEightCharactersToSeventyTwoBytes() {
    assertThat(
            http.post(
                    "/api/v1/users",
                    registration(unique("p"), "1234567", unique("p") + "@x.org", "A", "B"))
                .body())
        .startsWith(problemStart("password must be at least 8 characters."));
    assertThat(
            http.post(
                    "/api/v1/users",
                    registration(unique("p"), "é".repeat(37), unique("p") + "@x.org", "A", "B"))
                .body())
        .startsWith(
            problemStart(
                "password must be at most 72 bytes in UTF-8 (72 ASCII characters, fewer with"
                    + " accents or emoji)."));
    assertThat(
            http.post(
                    "/api/v1/users",
                    registration(unique("p"), "x".repeat(72), unique("p") + "@x.org", "A", "B"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void namesAreOneToAHundredCharacters() {
    String hundred = "é".repeat(100);
    assertThat(
            http.post(
                    "/api/v1/users",
                    registration(
                        unique("n"), "correct horse", unique("n") + "@x.org", hundred, "B"))
                .status())
        .isEqualTo(201);
    assertThat(
            http.post(
                    "/api/v1/users",
                    registration(
                        unique("n"), "correct horse", unique("n") + "@x.org", "A", hundred + "x"))
                .body())
        .startsWith(problemStart("last_name must be at most 100 characters, got 101."));
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsABadRequest() {
    String detail =
        "The body must be a JSON object with the fields username, password, email,"
            + " first_name, last_name.";
    for (String body : new String[] {"{\"username\":", "[1,2]", "not json", ""}) {
      Http.Answer answer = http.post("/api/v1/users", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.contentType()).isEqualTo("application/problem+json");
      assertThat(answer.body())
          .as(body)
          .isEqualTo(problem(400, "Bad Request", detail, "/api/v1/users"));
    }
  }

  @Test
  void aTakenUsernameIsAConflict() {
    String username = register(unique("taken"));

    Http.Answer answer =
        http.post(
            "/api/v1/users",
            registration(username, "correct horse", unique("other") + "@example.com", "A", "B"));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body())
        .isEqualTo(
            problem(
                409,
                "Conflict",
                "The username \\\"" + username + "\\\" is taken; choose another.",
                "/api/v1/users"));
  }

  @Test
  void aTakenEmailIsAConflictWhateverItsCase() {
    String username = register(unique("mail"));

    Http.Answer answer =
        http.post(
            "/api/v1/users",
            registration(
                unique("other"),
                "correct horse",
                username.toUpperCase() + "@Example.COM",
                "A",
                "B"));

    assertThat(answer.body())
        .isEqualTo(
            problem(
                409,
                "Conflict",
                "An account with this email already exists; log in instead.",
                "/api/v1/users"));
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertThat(http.get("/api/v1/users/nobody_here"))
        .extracting(Http.Answer::status, Http.Answer::contentType, Http.Answer::body)
        .containsExactly(
            404,
            "application/problem+json",
            problem(
                404,
                "Not Found",
                "No user named \\\"nobody_here\\\".",
                "/api/v1/users/nobody_here"));
  }

  @Test
  void theDemoUsersAreAbsentOutsideTheLaptopProfile() {
    assertThat(http.get("/api/v1/users/karina").status()).isEqualTo(404);
  }

  @Test
  void aLoginAnswersATokenThatVerifiesWithThePublishedKey() throws Exception {
    String username = register(unique("tok"));

    Http.Answer answer =
        http.post(
            "/api/v1/auth/login",
            "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo("application/json");
    assertThat(answer.body())
        .matches(
            "\\{\"access_token\":\"[\\w-]+\\.[\\w-]+\\.[\\w-]+\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    String token = Tokens4Test.json(answer.body()).get("access_token").asString();

    RSAKey key = Tokens4Test.jwks(http).getKeys().getFirst().toRSAKey();
    assertThat(Tokens4Test.jwks(http).getKeys()).hasSize(1);
    assertThat(key.isPrivate()).isFalse();
    assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());

    SignedJWT jwt = Tokens4Test.verified(http, token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("flotilla-users");
    assertThat(claims.getSubject()).isEqualTo(username);
    assertThat(claims.getIssueTime()).isEqualTo(Date.from(clock.instant()));
    assertThat(claims.getExpirationTime()).isEqualTo(Date.from(clock.instant().plusSeconds(3600)));
    assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
    // The account's id: what tweets keeps for its author, never given to another account.
    assertThat(UUID.fromString(claims.getStringClaim("account"))).isNotNull();
    assertThat(claims.getClaims().keySet())
        .containsExactlyInAnyOrder("iss", "sub", "iat", "exp", "jti", "account");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    String username = register(unique("same"));

    Http.Answer wrongPassword =
        http.post(
            "/api/v1/auth/login",
            "{\"username\":\"" + username + "\",\"password\":\"wrong horse\"}");
    Http.Answer unknownUser =
        http.post(
            "/api/v1/auth/login",
            "{\"username\":\"" + unique("none") + "\",\"password\":\"correct horse\"}");

    String body = problem(401, "Unauthorized", "Wrong username or password.", "/api/v1/auth/login");
    assertThat(wrongPassword)
        .extracting(Http.Answer::status, Http.Answer::contentType, Http.Answer::body)
        .containsExactly(401, "application/problem+json", body);
    assertThat(unknownUser)
        .extracting(Http.Answer::status, Http.Answer::contentType, Http.Answer::body)
        .containsExactly(401, "application/problem+json", body);
  }

  @Test
  void aLoginWithoutItsFieldsIsABadRequest() {
    Http.Answer answer = http.post("/api/v1/auth/login", "{\"username\":\"bob\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .startsWith(
            "{\"detail\":\"password is required: the account's password.\","
                + "\"instance\":\"/api/v1/auth/login\",\"status\":400,\"title\":\"Bad Request\"");
    assertThat(http.post("/api/v1/auth/login", "nope").body())
        .isEqualTo(
            problem(
                400,
                "Bad Request",
                "The body must be a JSON object with the fields username, password.",
                "/api/v1/auth/login"));
  }

  @Test
  void failuresFromOneAddressSlowItDownWithoutLockingTheOwnerOut() {
    String username = register(unique("thr"));
    String wrong = "{\"username\":\"" + username + "\",\"password\":\"wrong horse\"}";
    String right = "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}";
    ClientAt attacker = ClientAt.address("127.0.0.21", port);
    ClientAt owner = ClientAt.address("127.0.0.22", port);
    for (int i = 0; i < 4; i++) {
      assertThat(attacker.post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
    }

    Http.Answer refused = attacker.post("/api/v1/auth/login", right);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.body())
        .isEqualTo(
            problem(
                429,
                "Too Many Requests",
                "Too many failed logins from this address; try again in 1 second.",
                "/api/v1/auth/login"));
    assertThat(owner.post("/api/v1/auth/login", right).status()).isEqualTo(200);

    // Each further failure doubles the wait; a refused attempt is not counted.
    clock.advance(Duration.ofSeconds(1));
    assertThat(attacker.post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
    assertThat(attacker.post("/api/v1/auth/login", wrong).header("Retry-After")).isEqualTo("2");
    clock.advance(Duration.ofSeconds(2));
    assertThat(attacker.post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
    assertThat(attacker.post("/api/v1/auth/login", right).header("Retry-After")).isEqualTo("4");
    assertThat(owner.post("/api/v1/auth/login", right).status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(4));
    assertThat(attacker.post("/api/v1/auth/login", right).status()).isEqualTo(200);
  }

  @Test
  void sprayingManyUsernamesFromOneAddressIsSlowedAcrossThem() {
    String username = register(unique("spray"));
    ClientAt sprayer = ClientAt.address("127.0.0.23", port);
    for (int i = 0; i < 11; i++) {
      String guess = "{\"username\":\"" + unique("n") + "\",\"password\":\"123456\"}";
      assertThat(sprayer.post("/api/v1/auth/login", guess).status()).isEqualTo(401);
    }

    String right = "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}";
    Http.Answer refused = sprayer.post("/api/v1/auth/login", right);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(ClientAt.address("127.0.0.24", port).post("/api/v1/auth/login", right).status())
        .isEqualTo(200);
  }

  @Test
  void aSuccessForgetsEarlierFailuresOnThatUsername() {
    String username = register(unique("reset"));
    String wrong = "{\"username\":\"" + username + "\",\"password\":\"wrong horse\"}";
    String right = "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}";
    ClientAt client = ClientAt.address("127.0.0.25", port);
    for (int i = 0; i < 3; i++) {
      client.post("/api/v1/auth/login", wrong);
    }
    assertThat(client.post("/api/v1/auth/login", right).status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(client.post("/api/v1/auth/login", wrong).status()).isEqualTo(401);
    }
    assertThat(client.post("/api/v1/auth/login", right).status()).isEqualTo(200);
  }

  @Test
  void everyLoginOfAnAccountCarriesItsOwnAccountId() throws Exception {
    String one = register(unique("acct"));
    String other = register(unique("acct"));

    String first = account(Tokens4Test.login(http, one, "correct horse"));
    String again = account(Tokens4Test.login(http, one, "correct horse"));
    String another = account(Tokens4Test.login(http, other, "correct horse"));

    assertThat(again).isEqualTo(first);
    assertThat(another).isNotEqualTo(first);
  }

  private String account(String token) throws Exception {
    return Tokens4Test.verified(http, token).getJWTClaimsSet().getStringClaim("account");
  }

  @Test
  void meAnswersTheTokensUser() {
    String username = register(unique("me"));
    String token = Tokens4Test.login(http, username, "correct horse");

    Http.Answer answer = http.as(token).get("/api/v1/users/me");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .isEqualTo(
            http.get("/api/v1/users/" + username)
                .body()
                .replace(
                    "\"username\":\"" + username + "\",",
                    "\"username\":\""
                        + username
                        + "\",\"email\":\""
                        + username
                        + "@example.com\","));
  }

  @Test
  void meWithoutATokenIsUnauthorized() {
    Http.Answer answer = http.get("/api/v1/users/me");

    assertThat(answer)
        .extracting(
            Http.Answer::status,
            a -> a.header("WWW-Authenticate"),
            Http.Answer::contentType,
            Http.Answer::body)
        .containsExactly(
            401,
            "Bearer",
            "application/problem+json",
            problem(
                401,
                "Unauthorized",
                "This request needs a bearer token: log in at /api/v1/auth/login and send"
                    + " Authorization: Bearer <access_token>.",
                "/api/v1/users/me"));
  }

  private void assertInvalidToken(String token) {
    assertThat(http.as(token).get("/api/v1/users/me"))
        .extracting(
            Http.Answer::status,
            a -> a.header("WWW-Authenticate"),
            Http.Answer::contentType,
            Http.Answer::body)
        .containsExactly(
            401,
            "Bearer error=\"invalid_token\", error_description=\"The token is invalid or has expired\"",
            "application/problem+json",
            problem(
                401,
                "Unauthorized",
                "The bearer token is invalid or has expired; log in again at /api/v1/auth/login.",
                "/api/v1/users/me"));
  }

  @Test
  void anExpiredTokenIsUnauthorized() {
    String token = Tokens4Test.login(http, register(unique("exp")), "correct horse");

    // The lifetime, and the minute of leeway for clocks that differ.
    clock.advance(Duration.ofSeconds(3600 + 59));
    assertThat(http.as(token).get("/api/v1/users/me").status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(2));
    assertInvalidToken(token);
  }

  @Test
  void aTamperedTokenIsUnauthorized() throws Exception {
    String username = register(unique("tamper"));
    String token = Tokens4Test.login(http, username, "correct horse");
    String[] parts = token.split("\\.");

    // Someone else's name in the payload, the signature kept.
    String payload =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
            .replace("\"sub\":\"" + username + "\"", "\"sub\":\"karina\"");
    String otherPayload =
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes());
    assertInvalidToken(parts[0] + "." + otherPayload + "." + parts[2]);
    // One character of the signature changed.
    char last = parts[2].charAt(10);
    String signature =
        parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
    assertInvalidToken(parts[0] + "." + parts[1] + "." + signature);
    assertInvalidToken("not-a-jwt");
  }

  @Test
  void aTokenOfAnotherIssuerOrKeyIsUnauthorized() throws Exception {
    var otherKey =
        new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
    var claims =
        new com.nimbusds.jwt.JWTClaimsSet.Builder()
            .issuer("flotilla-users")
            .subject("karina")
            .issueTime(Date.from(clock.instant()))
            .expirationTime(Date.from(clock.instant().plusSeconds(600)))
            .build();
    var jwt =
        new SignedJWT(
            new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(Tokens4Test.jwks(http).getKeys().getFirst().getKeyID())
                .build(),
            claims);
    jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(otherKey));

    assertInvalidToken(jwt.serialize());
  }

  @Test
  void aStaleTokenDoesNotStandInTheWayOfLoggingIn() {
    String username = register(unique("stale"));

    Http.Answer answer =
        http.as("garbage")
            .post(
                "/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}");

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void aLoginNameIsBoundedBeforeAnyThrottleOrLog() {
    String tooLong = "a".repeat(31);
    Http.Answer answer =
        http.post(
            "/api/v1/auth/login",
            "{\"username\":\"" + tooLong + "\",\"password\":\"correct horse\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .isEqualTo(
            "{\"detail\":\"username must be at most 30 characters, got 31.\","
                + "\"instance\":\"/api/v1/auth/login\",\"status\":400,\"title\":\"Bad Request\","
                + "\"errors\":[{\"field\":\"username\",\"message\":\"must be at most 30"
                + " characters, got 31\"}]}");
    // Never counted as a failure: six of them do not throttle anyone.
    for (int i = 0; i < 6; i++) {
      assertThat(
              http.post(
                      "/api/v1/auth/login", "{\"username\":\"" + tooLong + "\",\"password\":\"x\"}")
                  .status())
          .isEqualTo(400);
    }
  }

  @Test
  void aNewlineInALoginNameCannotForgeALogLine() {
    Http.Answer answer =
        http.post(
            "/api/v1/auth/login",
            "{\"username\":\"x\\n2026-12-07 INFO login username=karina\",\"password\":\"p\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains(
            "{\"field\":\"username\",\"message\":\"may contain only letters a-z, digits 0-9"
                + " and _\"}");
  }

  @Test
  void aLoginPasswordLongerThanBcryptReadsIsRefused() {
    Http.Answer answer =
        http.post(
            "/api/v1/auth/login", "{\"username\":\"bob\",\"password\":\"" + "x".repeat(73) + "\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains("{\"field\":\"password\",\"message\":\"must be at most 72 bytes\"}");
  }

  @Test
  void aBodyOverTheLimitIs413BeforeItIsRead() {
    Http.Answer answer =
        http.post(
            "/api/v1/auth/login",
            "{\"username\":\"" + "a".repeat(10 * 1024 * 1024) + "\",\"password\":\"x\"}");

    assertThat(answer)
        .extracting(Http.Answer::status, Http.Answer::contentType, Http.Answer::body)
        .containsExactly(
            413,
            "application/problem+json",
            problem(
                413,
                "Content Too Large",
                "The request body must be at most 65536 bytes.",
                "/api/v1/auth/login"));
  }

  @Test
  void aProfilePathIsBoundedLikeAUsername() {
    Http.Answer answer = http.get("/api/v1/users/" + "a".repeat(31));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .isEqualTo(
            "{\"detail\":\"username must be at most 30 characters, got 31.\",\"instance\":"
                + "\"/api/v1/users/"
                + "a".repeat(31)
                + "\",\"status\":400,\"title\":\"Bad Request\",\"errors\":[{\"field\":\"username\","
                + "\"message\":\"must be at most 30 characters, got 31\"}]}");
  }

  @Test
  void aRegistrationThatCannotBeAnsweredInTheAcceptedTypeCreatesNothing() {
    String username = unique("xml");
    Http.Answer answer =
        http.send(
            "POST",
            "/api/v1/users",
            registration(username, "correct horse", username + "@example.com", "A", "B"),
            "application/xml");

    assertThat(answer.status()).isEqualTo(406);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(http.get("/api/v1/users/" + username).status()).isEqualTo(404);
  }

  @Test
  void aBrowserGetsProblemJsonNotAnHtmlPage() {
    Http.Answer answer = http.send("GET", "/api/v1/users/../x", null, "text/html");

    // Spring Security's firewall refuses a path that is not normalized, through the error page.
    assertThat(answer)
        .extracting(Http.Answer::status, Http.Answer::contentType, Http.Answer::body)
        .containsExactly(
            400,
            "application/problem+json",
            problem(
                400, "Bad Request", "The request was refused: Bad Request.", "/api/v1/users/../x"));
  }

  @Test
  void theApiDocsAndOperationsEndpointsAreOpen() {
    assertThat(http.get("/v3/api-docs").status()).isEqualTo(200);
    // Published through the gateway: the public API only, with a server address that works there.
    assertThat(http.get("/v3/api-docs").body())
        .contains("\"/api/v1/auth/login\"", "\"servers\":[{\"url\":\"/\"")
        .doesNotContain("jwks");
    assertThat(http.get("/health").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get("/actuator/prometheus").body())
        .contains("users_logins_total{application=\"users\",outcome=\"success\"}")
        .contains("users_logins_total{application=\"users\",outcome=\"throttled\"}")
        .contains("users_logins_total{application=\"users\",outcome=\"wrong_credentials\"}")
        .contains("users_registrations_total{application=\"users\"}");
  }
}
