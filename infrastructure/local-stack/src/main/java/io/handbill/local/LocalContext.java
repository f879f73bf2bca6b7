package io.handbill.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The Lambda context of one local invocation (the local stack's, or a cold-start benchmark's): its request id, the
 * function's name, a deadline, and stdout as its log.
 *
 * @param deadline epoch milliseconds after which the invocation has no time left
 */
public record LocalContext(String functionName, String requestId, long deadline) implements Context {
    private static final LambdaLogger STDOUT = new StdoutLogger();

    /** An invocation that starts now and may run for {@code timeoutMillis}. */
    public static LocalContext startingNow(String functionName, String requestId, int timeoutMillis) {
        return new LocalContext(functionName, requestId, System.currentTimeMillis() + timeoutMillis);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-2:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return STDOUT;
    }
}
