package io.handbill.local.bench;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** Lambda's logger writes to standard output; so does this one. */
final class BenchLogger implements LambdaLogger {
    @Override
    public void log(String message) {
        System.out.println(message);
    }

    @Override
    public void log(byte[] message) {
        System.out.write(message, 0, message.length);
    }
}
