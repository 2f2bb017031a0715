package io.flotilla.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The string fields of a JSON object body, read by hand so that every problem gets its own message:
 * a missing field, a field that is not a string, a field the endpoint does not know.
 */
final class JsonFields {

  private final Map<String, Object> body;
  private final List<String> known;
  private final List<FieldProblem> problems = new ArrayList<>();

  /**
   * @param body the parsed JSON object
   * @param known every field the endpoint reads, in the order problems are listed
   */
  JsonFields(Map<String, Object> body, List<String> known) {
    this.body = body;
    this.known = known;
  }

  /** The field's string value, or null after recording why there is none. */
  String required(String field, String allowed) {
    Object value = body.get(field);
    if (value == null) {
      problems.add(new FieldProblem(field, "is required: " + allowed));
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(new FieldProblem(field, "must be a string: " + allowed));
      return null;
    }
    return text;
  }

  /** Records the rule's problems with a value read by {@link #required}, if there is one. */
  void check(String field, String value, java.util.function.Function<String, List<String>> rule) {
    if (value != null) {
      rule.apply(value).forEach(message -> problems.add(new FieldProblem(field, message)));
    }
  }

  /** Throws a 400 listing every problem found, unknown fields last. */
  void throwIfInvalid() {
    body.keySet().stream()
        .filter(field -> !known.contains(field))
        .sorted()
        .forEach(field ->
            problems.add(
                new FieldProblem(
                    field, "is not a known field; the fields are " + String.join(", ", known))));
    if (!problems.isEmpty()) {
      throw Problems.invalid(problems);
    }
  }
}
