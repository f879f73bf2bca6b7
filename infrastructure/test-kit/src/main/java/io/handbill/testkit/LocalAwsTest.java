package io.handbill.testkit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of integration tests that use the local AWS stand-ins throughout: {@link #aws} is set, on emptied
 * emulators, before the subclass's own {@code @BeforeEach} methods run.
 */
@ExtendWith(LocalAwsExtension.class)
public abstract class LocalAwsTest {
    protected LocalAws aws;

    @BeforeEach
    final void useLocalAws(LocalAws aws) {
        this.aws = aws;
    }
}
