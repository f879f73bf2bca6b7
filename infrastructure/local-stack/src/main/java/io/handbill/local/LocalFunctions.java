package io.handbill.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.handbill.api.EventApiHandler;
import io.handbill.api.EventService;
import io.handbill.icsfeed.IcsFeedHandler;
import io.handbill.mail.MailSender;
import io.handbill.mail.SendRate;
import io.handbill.mail.SesMailSender;
import io.handbill.reminder.ReminderSettings;
import io.handbill.reminder.ReminderSweep;
import io.handbill.reminder.SendRemindersHandler;
import io.handbill.rsvp.DynamoDbRsvpStore;
import io.handbill.subscribe.SubscriptionsHandler;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.render.BucketWriter;
import io.handbill.render.PageRenderer;
import io.handbill.render.PublicListing;
import io.handbill.render.RenderPagesHandler;
import io.handbill.render.SitePublisher;

import java.util.HashMap;
import java.util.Map;

/** The real function handlers, each built through its dependency-taking constructor from {@link LocalServices}. */
final class LocalFunctions {
    private LocalFunctions() {
    }

    /** HTTP API functions by handler class name, as {@link ApiRoutes} names them. */
    static Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> http(LocalServices s) {
        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions = new HashMap<>();
        functions.put(ApiRoutes.EVENT_API, new EventApiHandler(
                EventService.onTable(s.dynamoDb(), s.table(), s.clock()), LocalServices.ADMIN_GROUP));
        functions.put(ApiRoutes.SUBSCRIPTIONS, new SubscriptionsHandler(new DynamoDbSubscriberStore(s.dynamoDb(),
                s.table()), new DynamoDbRsvpStore(s.dynamoDb(), s.table()), s.eventStore(), mailSender(s), s.site(), s.senderEmail(), s.hmacSecret(), LocalServices.ADMIN_GROUP,
                s.clock()));
        functions.put(ApiRoutes.ICS_FEED, new IcsFeedHandler(s.eventStore(), s.site(), s.clock(),
                LocalServices.FEED_PAST_DAYS));
        return functions;
    }

    /** The page renderer's stream entry point. */
    static RequestHandler<DynamodbEvent, StreamsEventResponse> renderer(LocalServices s) {
        return new RenderPagesHandler(publisher(s))::handleRequest;
    }

    /** What the renderer publishes with; also the whole-site rebuild. */
    static SitePublisher publisher(LocalServices s) {
        return new SitePublisher(s.eventStore(), new PublicListing(s.dynamoDb(), s.table()),
                new PageRenderer(s.site()), new BucketWriter(s.s3(), s.bucket()), s.clock());
    }

    static RequestHandler<ScheduledEvent, ?> reminders(LocalServices s) {
        var settings = new ReminderSettings(ReminderSettings.parseWindows(LocalServices.REMINDER_WINDOWS), true,
                s.senderEmail());
        return new SendRemindersHandler(ReminderSweep.create(s.dynamoDb(), s.table(), mailSender(s), s.site(),
                settings, s.hmacSecret(), s.clock()));
    }

    private static MailSender mailSender(LocalServices s) {
        return new SesMailSender(s.sesV2(), null, new SendRate(LocalServices.SEND_RATE_PER_SECOND));
    }
}
