package io.flotilla.tweets;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who writes or reads, from the users service's token: the account's id ({@code account} claim), by
 * which tweets are owned, and its username ({@code sub}), shown with each tweet. A username can be
 * registered again by a new account once the old one is gone; the id never passes to it, so the new
 * account cannot change, delete or read the private tweets of the old one.
 */
record Author(String account, String username) {

  static final String ACCOUNT_CLAIM = "account";

  /** The token's author; null without a token (an anonymous reader). */
  static Author of(Jwt token) {
    return token == null
        ? null
        : new Author(token.getClaimAsString(ACCOUNT_CLAIM), token.getSubject());
  }

  /**
   * Whether this is the author of a tweet stored with {@code accountId} and {@code username}. A
   * tweet from before accounts had ids (or a demo tweet) has none and goes by its username.
   */
  boolean wrote(String accountId, String username) {
    return accountId == null ? this.username.equals(username) : accountId.equals(account);
  }
}
