package io.flotilla.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random calls to the math service in both URL styles, each with the status and the piece of body
 * it must answer: the traffic generator is a correctness check under load as well.
 */
final class MathCalls {

  /** Seed 001's generator asked for n from 0 to 400, and Ackermann m 0 to 3, n 0 to 4. */
  private static final int MAX_N = 400;

  private static final String QUERY_FAILED = "\"status\":\"failed\"";

  /** Bad input of both styles, each a 400 with the style's error body. */
  private static final List<Call> INVALID =
      List.of(
          new Call("invalid (query)", "/factorial?n=abc", 400, QUERY_FAILED),
          new Call("invalid (query)", "/factorial", 400, QUERY_FAILED),
          new Call("invalid (query)", "/fibonacci?n=-1", 400, QUERY_FAILED),
          new Call("invalid (query)", "/factorial?n=100001", 400, QUERY_FAILED),
          new Call("invalid (query)", "/ackermann?m=4&n=3", 400, QUERY_FAILED),
          new Call("invalid (path)", "/fibonacci/-1/", 400, "\"error\":\"invalid number: -1\""),
          new Call("invalid (path)", "/factorial/abc/", 400, "\"error\":\"invalid number: abc\""),
          new Call("invalid (path)", "/ackermann/4/3/", 400, "\"error\":\"invalid number"));

  record Call(String name, String path, int status, String expect) {

    Map<String, Object> asRecord() {
      return Map.of("name", name, "path", path, "status", status, "expect", expect);
    }
  }

  private MathCalls() {}

  /**
   * One call: a valid one, or with the given probability an invalid one. The request is named by
   * algorithm and style, so that the report shows each.
   */
  static ChainBuilder call(double invalidShare) {
    return exec(
            session -> {
              Random random = ThreadLocalRandom.current();
              Call call = random.nextDouble() < invalidShare ? invalid(random) : valid(random);
              return session.setAll(call.asRecord());
            })
        .exec(
            http("#{name}")
                .get("#{path}")
                .check(status().is(session -> session.getInt("status")), substring("#{expect}")));
  }

  private static Call invalid(Random random) {
    return INVALID.get(random.nextInt(INVALID.size()));
  }

  private static Call valid(Random random) {
    boolean query = random.nextBoolean();
    int n = random.nextInt(MAX_N + 1);
    return switch (random.nextInt(3)) {
      case 0 -> answer("factorial", query, "?n=" + n, "/" + n + "/", factorial(n));
      case 1 -> answer("fibonacci", query, "?n=" + n, "/" + n + "/", fibonacci(n));
      default -> {
        int m = random.nextInt(4);
        int k = random.nextInt(5);
        yield answer(
            "ackermann", query, "?m=" + m + "&n=" + k, "/" + m + "/" + k + "/", ackermann(m, k));
      }
    };
  }

  private static Call answer(
      String algo, boolean query, String queryArgs, String pathArgs, BigInteger result) {
    return query
        ? new Call(algo + " (query)", "/" + algo + queryArgs, 200, "\"result\":" + result + ",")
        : new Call(
            algo + " (path)", "/" + algo + pathArgs, 200, "{\"response\":\"" + result + "\"}");
  }

  static BigInteger factorial(int n) {
    BigInteger product = BigInteger.ONE;
    for (int i = 2; i <= n; i++) {
      product = product.multiply(BigInteger.valueOf(i));
    }
    return product;
  }

  static BigInteger fibonacci(int n) {
    BigInteger a = BigInteger.ZERO;
    BigInteger b = BigInteger.ONE;
    for (int i = 0; i < n; i++) {
      BigInteger next = a.add(b);
      a = b;
      b = next;
    }
    return a;
  }

  /** The closed forms for m up to 3, enough for seed 001's range. */
  static BigInteger ackermann(int m, int n) {
    return switch (m) {
      case 0 -> BigInteger.valueOf(n + 1);
      case 1 -> BigInteger.valueOf(n + 2);
      case 2 -> BigInteger.valueOf(2L * n + 3);
      case 3 -> BigInteger.TWO.pow(n + 3).subtract(BigInteger.valueOf(3));
      default -> throw new IllegalArgumentException("m must be from 0 to 3, got " + m);
    };
  }
}
