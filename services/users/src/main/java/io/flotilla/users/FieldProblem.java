package io.flotilla.users;

/**
 * One thing wrong with one field of a request body, as listed in a 400's {@code errors}.
 *
 * @param field the JSON field, e.g. {@code username}
 * @param message what is wrong and what is allowed, e.g. {@code must start with a letter a-z}
 */
record FieldProblem(String field, String message) {

  /** The sentence the problem's {@code detail} shows, e.g. "username must start with ...". */
  String sentence() {
    return field + " " + message;
  }
}
