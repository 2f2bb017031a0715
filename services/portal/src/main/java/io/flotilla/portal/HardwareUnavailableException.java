package io.flotilla.portal;

/** No hardware replica answered this page's request: every one was down, slow or failing. */
class HardwareUnavailableException extends RuntimeException {

  HardwareUnavailableException(Throwable cause) {
    super("no hardware replica answered: " + cause.getMessage(), cause);
  }
}
