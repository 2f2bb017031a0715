package io.flotilla.platform.problems;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest service for the advice's slice test. */
@SpringBootApplication
class ProblemsApplication {}
