package io.flotilla.platform.validation;

/**
 * Patterns for {@code @Pattern} on text a person typed: what a name or a message may not be. Used
 * with {@link Characters} for the length.
 */
public final class Texts {

  private Texts() {}

  /** No control characters at all (C0, DEL, C1): for names, one line each. */
  public static final String NO_CONTROL_CHARACTERS = "[\\P{Cc}]*";

  /** No control characters but line breaks and tabs: for messages of several lines. */
  public static final String NO_CONTROL_CHARACTERS_BUT_LINES = "[\\P{Cc}\\n\\r\\t]*";

  /**
   * At least one visible character (a letter, mark, digit, punctuation or symbol): not empty, not
   * only spaces, not only invisible characters such as U+200B.
   */
  public static final String VISIBLE = "(?s).*[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}].*";
}
