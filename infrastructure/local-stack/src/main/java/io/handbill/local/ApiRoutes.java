package io.handbill.local;

import io.handbill.model.SitePaths;

import java.util.List;

/**
 * The HTTP API's routes, the same as template.yaml's (a test in io.handbill.deploy compares the two lists).
 * CloudFront sends {@code /api/*}, {@code /calendar.ics} and {@code /events/*.ics} to the API, everything else to
 * the site bucket; {@link #isApiPath(String)} is that split.
 */
public final class ApiRoutes {
    public static final String EVENT_API = "io.handbill.api.EventApiHandler";
    public static final String SUBSCRIPTIONS = "io.handbill.subscribe.SubscriptionsHandler";
    public static final String ICS_FEED = "io.handbill.icsfeed.IcsFeedHandler";
    public static final String ADMIN_TOOLS = "io.handbill.render.AdminToolsHandler";

    public static final List<ApiRoute> ROUTES = List.of(
            new ApiRoute("GET", "/api/events", EVENT_API),
            new ApiRoute("POST", "/api/events", EVENT_API),
            new ApiRoute("GET", "/api/events/{id}", EVENT_API),
            new ApiRoute("PUT", "/api/events/{id}", EVENT_API),
            new ApiRoute("DELETE", "/api/events/{id}", EVENT_API),
            new ApiRoute("POST", "/api/events/{id}/publish", EVENT_API),
            new ApiRoute("POST", "/api/events/{id}/cancel", EVENT_API),
            new ApiRoute("GET", "/api/series", EVENT_API),
            new ApiRoute("POST", "/api/series", EVENT_API),
            new ApiRoute("GET", "/api/series/{id}", EVENT_API),
            new ApiRoute("PUT", "/api/series/{id}", EVENT_API),
            new ApiRoute("DELETE", "/api/series/{id}", EVENT_API),
            new ApiRoute("POST", "/api/series/{id}/skip", EVENT_API),
            new ApiRoute("POST", "/api/series/preview", EVENT_API),
            new ApiRoute("POST", "/api/events/{id}/reinstate", EVENT_API),
            new ApiRoute("POST", "/api/preview", ADMIN_TOOLS),
            new ApiRoute("POST", "/api/uploads", ADMIN_TOOLS),
            new ApiRoute("POST", "/api/subscriptions", SUBSCRIPTIONS),
            new ApiRoute("GET", "/api/subscriptions/confirm", SUBSCRIPTIONS),
            new ApiRoute("GET", "/api/unsubscribe", SUBSCRIPTIONS),
            new ApiRoute("POST", "/api/unsubscribe", SUBSCRIPTIONS),
            new ApiRoute("GET", "/api/subscribers", SUBSCRIPTIONS),
            new ApiRoute("GET", "/api/subscribers/summary", SUBSCRIPTIONS),
            new ApiRoute("POST", "/api/rsvps", SUBSCRIPTIONS),
            new ApiRoute("GET", "/api/rsvps/confirm", SUBSCRIPTIONS),
            new ApiRoute("POST", "/api/rsvps/confirm", SUBSCRIPTIONS),
            new ApiRoute("GET", "/api/rsvps/cancel", SUBSCRIPTIONS),
            new ApiRoute("POST", "/api/rsvps/cancel", SUBSCRIPTIONS),
            new ApiRoute("GET", "/api/events/{id}/availability", SUBSCRIPTIONS),
            new ApiRoute("GET", "/api/events/{id}/attendees", SUBSCRIPTIONS),
            new ApiRoute("POST", "/api/events/{id}/attendees/{rsvpId}/check-in", SUBSCRIPTIONS),
            new ApiRoute("DELETE", "/api/events/{id}/attendees/{rsvpId}", SUBSCRIPTIONS),
            new ApiRoute("GET", "/calendar.ics", ICS_FEED),
            new ApiRoute("HEAD", "/calendar.ics", ICS_FEED),
            new ApiRoute("GET", "/events/{file}", ICS_FEED),
            new ApiRoute("HEAD", "/events/{file}", ICS_FEED));

    private ApiRoutes() {
    }

    /** CloudFront's cache behaviours: which paths go to the HTTP API rather than to the bucket. */
    public static boolean isApiPath(String path) {
        return SitePaths.isApiPath(path);
    }
}
