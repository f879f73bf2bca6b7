package io.handbill.icsfeed;

import io.handbill.testkit.LocalAws;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A DynamoDB client on the local emulator that records the name of every operation it sends, in order. */
public final class DynamoDbCalls implements ExecutionInterceptor {
    private final List<String> operations = Collections.synchronizedList(new ArrayList<>());

    public static DynamoDbCalls counting() {
        return new DynamoDbCalls();
    }

    public DynamoDbClient client(LocalAws aws) {
        return aws.dynamoDbWith(this);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    public List<String> operations() {
        return List.copyOf(operations);
    }

    /** How many calls of each operation, by name in alphabetical order. */
    public Map<String, Long> countByOperation() {
        return operations().stream().collect(Collectors.groupingBy(name -> name, TreeMap::new, Collectors.counting()));
    }

    public void clear() {
        operations.clear();
    }
}
