package io.handbill.local;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.util.Map;
import java.util.Optional;

import static io.handbill.store.HandbillTable.PK;
import static io.handbill.store.HandbillTable.SK;

/**
 * A named place in publishing or sweeping where {@link CrashableLocalStack} halts its JVM (no shutdown hooks, as
 * after SIGKILL), right after the stack's SDK call that reaches it succeeded, for the call's target ending in
 * {@code match}. Armed once the stack is up, so that the start-up rebuild does not reach it.
 */
final class CrashPoint implements ExecutionInterceptor {
    static final String CRASHED = "CRASHED AT ";

    enum Point {
        /** A publish's event write is in the table, its pages not yet rendered (target: the slug). */
        EVENT_WRITTEN,
        /** Mid-render: the event's page is in the bucket, the listing pages maybe not (target: the slug). */
        PAGE_WRITTEN,
        /** Mid-sweep: SES took a mail, the sent-ledger does not know yet (target: the recipient). */
        MAIL_SENT,
        /** Mid-sweep, between recipients: a mail's outcome is in the ledger, the next not claimed (target: the subscriber key). */
        RECIPIENT_DONE
    }

    private final Point point;
    private final String match;
    private volatile boolean armed;

    CrashPoint(Point point, String match) {
        this.point = point;
        this.match = match;
    }

    void arm() {
        armed = true;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!armed) {
            return;
        }
        Optional<String> target = targetOf(context.request());
        if (target.isPresent() && target.get().endsWith(match)) {
            System.out.println(CRASHED + point + " " + target.get());
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    private Optional<String> targetOf(Object request) {
        return switch (point) {
            case EVENT_WRITTEN -> request instanceof PutItemRequest put && "PUBLISHED".equals(text(put.item(), "status"))
                    && "Event".equals(text(put.item(), "type")) ? Optional.of(text(put.item(), "slug")) : Optional.empty();
            case PAGE_WRITTEN -> request instanceof PutObjectRequest put && put.key().startsWith("events/")
                    && put.key().endsWith("/index.html")
                    ? Optional.of(put.key().substring("events/".length(), put.key().length() - "/index.html".length()))
                    : Optional.empty();
            case MAIL_SENT -> request instanceof SendEmailRequest send && send.destination() != null
                    ? send.destination().toAddresses().stream().findFirst() : Optional.empty();
            case RECIPIENT_DONE -> request instanceof UpdateItemRequest update
                    && String.valueOf(text(update.key(), PK)).startsWith("SENT#")
                    ? Optional.of(text(update.key(), SK)) : Optional.empty();
        };
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
