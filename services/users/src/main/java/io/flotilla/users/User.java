package io.flotilla.users;

import java.time.Instant;

/** A row of {@code app_user}. The hash never leaves the service: answers show a {@link Profile}. */
record User(
    long id,
    String username,
    String email,
    String passwordHash,
    String firstName,
    String lastName,
    Instant created) {}
