package io.handbill.subscribe;

import io.handbill.http.ApiRequest;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpResponse;
import io.handbill.http.JsonRequestBody;
import io.handbill.http.Problem;
import io.handbill.http.ProblemException;
import io.handbill.http.Routes;
import io.handbill.mail.MailThrottledException;
import io.handbill.model.Event;
import io.handbill.model.Slugs;
import io.handbill.rsvp.Attendee;
import io.handbill.store.EventStore;
import io.handbill.subscriber.EmailAddresses;
import io.handbill.subscriber.InvalidTokenException;
import io.handbill.validation.FieldError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The RSVP routes: the public form post, the confirm and cancel links (a GET page with a button, the POST does it:
 * link scanners must not confirm or cancel), the cacheable availability JSON, and the organisers' attendee list,
 * CSV export, check-in and removal.
 */
final class RsvpEndpoints {
    static final int MAX_NAME = 200;
    static final int MAX_ANSWER = 1000;
    private static final int MAX_BODY = 8192;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Availability may sit in CloudFront and browsers this long: counts a few seconds old are fine on a page. */
    static final String AVAILABILITY_CACHE = "public, max-age=5, s-maxage=5";

    /** The routes template.yaml gives the subscriptions function for RSVPs. */
    static final Routes<RsvpEndpoints> ROUTES = Routes.<RsvpEndpoints>builder()
            .on("POST /api/rsvps", RsvpEndpoints::ask)
            .on("GET /api/rsvps/confirm", (e, r) -> e.withToken(r, r.query("token").orElse(null), true, false))
            .on("POST /api/rsvps/confirm", (e, r) -> e.withToken(r, formField(r, "token"), true, true))
            .on("GET /api/rsvps/cancel", (e, r) -> e.withToken(r, r.query("token").orElse(null), false, false))
            .on("POST /api/rsvps/cancel", (e, r) -> e.withToken(r, formField(r, "token"), false, true))
            .on("GET /api/events/{id}/availability", RsvpEndpoints::availability)
            .on("GET /api/events/{id}/attendees", RsvpEndpoints::attendees)
            .on("POST /api/events/{id}/attendees/{rsvpId}/check-in", RsvpEndpoints::checkIn)
            .on("DELETE /api/events/{id}/attendees/{rsvpId}", RsvpEndpoints::remove)
            .build();

    /** The JSON body of {@code POST /api/rsvps}. */
    record AskRequest(String event, String name, String email, String answer) {
    }

    private final RsvpService rsvps;
    private final AttendeeList attendees;
    private final EventStore events;
    private final GroupAuthorizer organisers;
    private final RsvpPages pages;

    RsvpEndpoints(RsvpService rsvps, AttendeeList attendees, EventStore events, GroupAuthorizer organisers,
                  RsvpPages pages) {
        this.rsvps = rsvps;
        this.attendees = attendees;
        this.events = events;
        this.organisers = organisers;
        this.pages = pages;
    }

    private HttpResponse attendees(ApiRequest request) {
        organisers.authorize(request);
        return list(request);
    }

    private HttpResponse checkIn(ApiRequest request) {
        organisers.authorize(request);
        Event event = event(request);
        return rsvps.checkIn(event.id(), rsvpId(request))
                .map(a -> HttpResponse.json(200, AttendeeList.View.of(a)))
                .orElseThrow(RsvpEndpoints::noSuchAttendee);
    }

    private HttpResponse remove(ApiRequest request) {
        organisers.authorize(request);
        Event event = event(request);
        if (!rsvps.remove(event.id(), rsvpId(request))) {
            throw noSuchAttendee();
        }
        return HttpResponse.empty(204);
    }

    private HttpResponse ask(ApiRequest request) {
        boolean form = mediaType(request).equals(FORM);
        AskRequest ask = form ? new AskRequest(formField(request, "event"), formField(request, "name"),
                formField(request, "email"), formField(request, "answer"))
                : JsonRequestBody.read(request, AskRequest.class, MAX_BODY);
        boolean wantsHtml = form && request.header("Accept").map(a -> a.contains("text/html")).orElse(false);
        List<FieldError> errors = validate(ask);
        if (!errors.isEmpty()) {
            if (wantsHtml) {
                return page(400, pages.invalidForm(errors.stream().map(FieldError::message).toList()));
            }
            throw new ProblemException(Problem.invalid(errors));
        }
        Optional<Event> known = events.findBySlug(ask.event());
        if (known.isEmpty()) {
            throw new ProblemException(Problem.of(404, "No event has this slug.",
                    List.of(new FieldError("event", "unknown_event", "No event has this slug"))));
        }
        Optional<Event> open = rsvps.openEvent(ask.event());
        if (open.isEmpty()) {
            if (wantsHtml) {
                return page(409, pages.closed(known.get()));
            }
            throw new ProblemException(Problem.of(409, "This event is not taking RSVPs.",
                    List.of(new FieldError("event", "rsvp_closed", "This event is not taking RSVPs now"))));
        }
        try {
            rsvps.ask(open.get(), ask.email(), ask.name().strip(), blankToNull(ask.answer()), request.sourceIp());
        } catch (TooManyRequestsException e) {
            String retryAfter = Long.toString(e.retryAfter().toSeconds());
            if (wantsHtml) {
                return page(429, pages.tooManyRequests(open.get())).header("Retry-After", retryAfter);
            }
            throw new ProblemException(Problem.of(429, "Too many RSVP requests from your network. "
                    + "Please try again later."), Map.of("Retry-After", retryAfter));
        } catch (MailThrottledException e) {
            throw new ProblemException(Problem.of(503, "We could not send the confirmation mail just now. "
                    + "Please try again in a minute."), Map.of("Retry-After", "60"));
        }
        // the same answer whether or not the address was known: the form tells nobody who is coming
        return wantsHtml ? page(200, pages.checkInbox(open.get()))
                : HttpResponse.json(202, Map.of("status", "pending",
                "message", "If the address can receive mail, a confirmation link is on its way."));
    }

    private static List<FieldError> validate(AskRequest ask) {
        var errors = new ArrayList<FieldError>();
        if (ask.event() == null || ask.event().isBlank()) {
            errors.add(new FieldError("event", "required", "Say which event (its slug)"));
        } else if (!isSlug(ask.event())) {
            errors.add(new FieldError("event", "invalid_format", "An event slug is lower-case letters, digits and "
                    + "hyphens"));
        }
        if (ask.name() == null || ask.name().isBlank()) {
            errors.add(new FieldError("name", "required", "Enter your name"));
        } else if (ask.name().length() > MAX_NAME || hasControl(ask.name())) {
            errors.add(new FieldError("name", "invalid", "A name is at most " + MAX_NAME + " characters on one line"));
        }
        if (!EmailAddresses.isValid(ask.email())) {
            errors.add(new FieldError("email", ask.email() == null || ask.email().isBlank() ? "required" : "invalid",
                    "Enter an email address like name@example.org"));
        }
        if (ask.answer() != null && (ask.answer().length() > MAX_ANSWER
                || ask.answer().chars().anyMatch(c -> c < ' ' && c != '\n' && c != '\r' && c != '\t'))) {
            errors.add(new FieldError("answer", "too_long", "An answer is at most " + MAX_ANSWER + " characters"));
        }
        return errors;
    }

    private HttpResponse withToken(ApiRequest request, String token, boolean confirm, boolean act) {
        // a page only for what a browser sends: the mailed link's GET, or the page's form post
        boolean browser = request.header("Accept").map(a -> a.contains("text/html")).orElse(false)
                && (!act || mediaType(request).equals(FORM));
        try {
            Attendee found = confirm ? rsvps.checkConfirmToken(token) : rsvps.checkCancelToken(token);
            Event event = events.get(found.eventId()).orElseThrow(RsvpService.UnknownRsvpException::new);
            if (!act) {
                return page(200, confirm ? pages.confirmForm(event, token) : pages.cancelForm(event, token));
            }
            if (confirm) {
                RsvpService.Outcome outcome = rsvps.confirm(token);
                if (outcome == RsvpService.Outcome.CLOSED && !browser) {
                    throw new ProblemException(Problem.of(409, "This event is not taking RSVPs.",
                            List.of(new FieldError("event", "rsvp_closed", "This event is not taking RSVPs now"))));
                }
                return page(outcome == RsvpService.Outcome.CLOSED ? 409 : 200, pages.outcome(event, outcome));
            }
            RsvpService.Outcome outcome = rsvps.cancel(token);
            return page(200, outcome == RsvpService.Outcome.IN_PROGRESS ? pages.outcome(event, outcome)
                    : pages.cancelled(event));
        } catch (InvalidTokenException e) {
            if (!browser) {
                throw new ProblemException(Problem.of(e.expired() ? 410 : 400, "The link is not valid.",
                        List.of(new FieldError("token", e.expired() ? "expired" : "invalid",
                                e.expired() ? "The link has expired" : "The link is not valid"))));
            }
            return page(e.expired() ? 410 : 400, pages.invalidLink(e.expired()));
        } catch (RsvpService.UnknownRsvpException e) {
            if (!browser) {
                throw new ProblemException(Problem.of(404, "No RSVP has this link.",
                        List.of(new FieldError("token", "unknown_rsvp", "The event or the RSVP is gone"))));
            }
            return page(404, pages.unknown());
        }
    }

    private HttpResponse availability(ApiRequest request) {
        String slugOrId = request.pathParameter("id");
        Optional<Event> event = (isSlug(slugOrId) ? events.findBySlug(slugOrId) : Optional.<Event>empty())
                .or(() -> ID.matcher(slugOrId).matches() ? events.get(slugOrId) : Optional.empty());
        if (event.isEmpty() || !event.get().status().isPublic()) {
            throw new ProblemException(Problem.of(404, "No event has this slug.",
                    List.of(new FieldError("id", "unknown_event", "No published event has this slug"))));
        }
        return HttpResponse.json(200, attendees.availability(event.get())).cacheControl(AVAILABILITY_CACHE);
    }

    private HttpResponse list(ApiRequest request) {
        Event event = event(request);
        boolean csv = request.query("format").map("csv"::equals).orElse(false)
                || request.header("Accept").map(a -> a.contains("text/csv")).orElse(false);
        if (csv) {
            return HttpResponse.csv(attendees.csv(event), "attendees-" + event.slug() + ".csv");
        }
        String cursor = request.query("cursor").orElse(null);
        if (cursor != null && !ID.matcher(cursor).matches()) {
            throw new ProblemException(Problem.invalid("cursor", "invalid", "Use the nextCursor of the last page"));
        }
        int limit = 100;
        Optional<String> limitText = request.query("limit");
        if (limitText.isPresent()) {
            try {
                limit = Integer.parseInt(limitText.get());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) {
                throw new ProblemException(Problem.invalid("limit", "out_of_range", "A limit is between 1 and 500"));
            }
        }
        String query = request.query("q").map(q -> q.strip().toLowerCase(Locale.ROOT)).orElse("");
        return HttpResponse.json(200, attendees.page(event, cursor, limit, query));
    }

    private Event event(ApiRequest request) {
        String id = request.pathParameter("id");
        return (ID.matcher(id).matches() ? events.get(id) : Optional.<Event>empty())
                .orElseThrow(() -> new ProblemException(Problem.of(404, "No event has this id.",
                        List.of(new FieldError("id", "unknown_event", "No event has this id")))));
    }

    private static String rsvpId(ApiRequest request) {
        String id = request.pathParameter("rsvpId");
        if (!ID.matcher(id).matches()) {
            throw noSuchAttendee();
        }
        return id;
    }

    private static ProblemException noSuchAttendee() {
        return new ProblemException(Problem.of(404, "No RSVP has this id.",
                List.of(new FieldError("rsvpId", "unknown_rsvp", "No RSVP to this event has this id"))));
    }

    private static HttpResponse page(int status, String html) {
        return HttpResponse.html(status, html, Pages.POLICY);
    }

    private static boolean isSlug(String value) {
        return value.length() <= Slugs.MAX_LENGTH && Slugs.FORMAT.matcher(value).matches();
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(c -> c < ' ');
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String mediaType(ApiRequest request) {
        return request.header("Content-Type").map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    private static String formField(ApiRequest request, String name) {
        byte[] body = request.body();
        if (body.length > MAX_BODY) {
            throw new ProblemException(Problem.of(413, "The form is larger than 8 KB.",
                    List.of(new FieldError("body", "too_large", "The form is larger than 8 KB"))));
        }
        Map<String, String> fields = new HashMap<>();
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                fields.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid("body", "malformed_form", "The form data is not valid."));
        }
        return fields.get(name);
    }
}
