package io.handbill.icsfeed;

import io.handbill.http.ApiRequest;
import io.handbill.http.HttpResponse;
import io.handbill.http.Problem;
import io.handbill.http.Routes;
import io.handbill.model.Event;
import io.handbill.model.SitePaths;

import java.util.Optional;

/**
 * The public calendar routes: the group's feed and one event's file, each with conditional requests that match
 * answered after reading only the site version. Calendars may sit in a CDN for a few minutes and be served stale
 * while it revalidates (a revalidation costs one small read); 404s are cached briefly, so that a newly published
 * event appears soon; errors are not cached.
 */
final class CalendarEndpoints {
    static final String CACHE_CALENDAR = "public, max-age=300, stale-while-revalidate=600, stale-if-error=86400";
    static final String CACHE_NOT_FOUND = "public, max-age=60";

    /** The routes template.yaml gives the ics-feed function; a HEAD gets a GET's headers and no body. */
    static final Routes<CalendarEndpoints> ROUTES = Routes.<CalendarEndpoints>builder()
            .on("GET /calendar.ics", (calendars, request) -> calendars.groupFeed(request, true))
            .on("HEAD /calendar.ics", (calendars, request) -> calendars.groupFeed(request, false))
            .on("GET /events/{file}", (calendars, request) -> calendars.eventFile(request, true))
            .on("HEAD /events/{file}", (calendars, request) -> calendars.eventFile(request, false))
            .build();

    private final CalendarFeeds feeds;

    CalendarEndpoints(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    private HttpResponse groupFeed(ApiRequest request, boolean withBody) {
        CalendarFeeds.GroupFeed feed = feeds.groupFeed();
        if (feed.validators().notModified(request)) {
            return notModified(feed.validators());
        }
        return calendar(withBody ? feeds.render(feed) : null, "inline; filename=\"calendar.ics\"",
                feed.validators());
    }

    private HttpResponse eventFile(ApiRequest request, boolean withBody) {
        Optional<String> slug = SitePaths.icsSlug(request.pathParameter("file"));
        if (slug.isEmpty()) {
            return notFound();
        }
        Validators validators = feeds.eventValidators();
        boolean mustExist = Validators.asksForAnyVersion(request);
        if (!mustExist && validators.notModified(request)) {
            return notModified(validators);
        }
        Optional<Event> event = feeds.publicEvent(slug.get());
        if (event.isEmpty()) {
            return notFound();
        }
        if (mustExist) {
            return notModified(validators);
        }
        return calendar(withBody ? feeds.render(event.get()) : null,
                "attachment; filename=\"" + slug.get() + SitePaths.ICS + "\"", validators);
    }

    private static HttpResponse calendar(String body, String disposition, Validators validators) {
        return HttpResponse.calendar(body).header("Content-Disposition", disposition).headers(validators.headers())
                .cacheControl(CACHE_CALENDAR);
    }

    private static HttpResponse notModified(Validators validators) {
        return HttpResponse.empty(304).headers(validators.headers()).cacheControl(CACHE_CALENDAR);
    }

    private static HttpResponse notFound() {
        return HttpResponse.problem(Problem.of(404, "No published event at this address."))
                .cacheControl(CACHE_NOT_FOUND);
    }
}
