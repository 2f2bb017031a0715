package io.flotilla.hardware;

/** The original's three answers, and {@code UNKNOWN} for a check that did not answer in time. */
enum Availability {
  HIGH,
  MEDIUM,
  LOW,
  UNKNOWN
}
