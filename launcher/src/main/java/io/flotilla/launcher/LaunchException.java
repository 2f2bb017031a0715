package io.flotilla.launcher;

/** Why the system could not start, in words for the person who started it. */
final class LaunchException extends RuntimeException {

  LaunchException(String message) {
    super(message);
  }
}
