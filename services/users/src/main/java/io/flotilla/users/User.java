package io.flotilla.users;

import java.time.Instant;

/**
 * A row of {@code app_user}. The hash never leaves the service: answers show a {@link Profile}.
 *
 * @param accountId the account's identity for other services, a UUID never reused
 */
record User(
    long id,
    String accountId,
    String username,
    String email,
    String passwordHash,
    String firstName,
    String lastName,
    Instant created) {}
