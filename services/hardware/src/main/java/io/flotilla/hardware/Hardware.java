package io.flotilla.hardware;

/** One row of the {@code hardware} table. */
record Hardware(long id, String provider, String name) {}
