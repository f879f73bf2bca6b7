package io.handbill.testkit;

/** A running set of local AWS stand-ins: where they listen, and the SES stub's outbox and fault controls. */
public interface AwsEmulators extends AutoCloseable {
    AwsEndpoints endpoints();

    SesStub ses();

    /** Stops every emulator and child process. */
    @Override
    void close();
}
