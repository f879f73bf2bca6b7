package io.handbill.subscribe;

import io.handbill.mail.MailRejectedException;
import io.handbill.mail.MailSender;
import io.handbill.mail.MailThrottledException;
import io.handbill.model.Event;
import io.handbill.rsvp.Attendee;
import io.handbill.rsvp.AttendeeState;
import io.handbill.rsvp.RsvpStore;
import io.handbill.store.EventStore;
import io.handbill.store.Page;
import io.handbill.subscriber.EmailAddresses;
import io.handbill.subscriber.InvalidTokenException;
import io.handbill.subscriber.SubscriberTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/**
 * RSVPs: ask (a PENDING RSVP and a signed confirm link), confirm (a place, or the waitlist), cancel (the place goes
 * to the first on the waitlist), and the organiser's check-in and removal. Every step is a single-item conditional
 * write, ordered so that any crash leaves a state the next caller finishes; logs carry ids, never an address.
 */
public final class RsvpService {
    /**
     * How long a CLAIMING or RELEASING mark belongs to whoever wrote it. Longer than a function may run (the
     * template's timeout is 10 s), so a mark this old has no live owner and a retry may take it over.
     */
    static final Duration STEP_LEASE = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 20;
    private static final int PAGE = 200;
    private static final Logger log = LoggerFactory.getLogger(RsvpService.class);

    /** What a confirmation link achieved. */
    public enum Outcome { GOING, WAITLISTED, IN_PROGRESS, CLOSED, CANCELLED }

    /** Thrown for a well-signed token whose event or RSVP does not exist (any more). */
    public static final class UnknownRsvpException extends RuntimeException {
        UnknownRsvpException() {
            super("No such RSVP", null, false, false);
        }
    }

    private final EventStore events;
    private final RsvpStore store;
    private final SubscriberTokens tokens;
    private final RsvpMail mail;
    private final MailSender sender;
    private final SubscribeLimits limits;
    private final Clock clock;

    public RsvpService(EventStore events, RsvpStore store, RsvpMail mail, OptIn optIn) {
        this.events = events;
        this.store = store;
        this.mail = mail;
        this.tokens = optIn.tokens();
        this.limits = optIn.limits();
        this.sender = optIn.sender();
        this.clock = optIn.clock();
    }

    /** The event taking RSVPs under {@code slug}, or empty when there is none or it is not open now. */
    public Optional<Event> openEvent(String slug) {
        return events.findBySlug(slug).filter(e -> e.rsvpOpen(clock.instant()));
    }

    /**
     * Records (or refreshes) a PENDING RSVP and mails the confirm link, within {@link SubscribeLimits}: per client,
     * and one confirmation mail per mailbox and event per window however the address is spelt. The caller answers
     * the same whatever happened here.
     *
     * @param typed    an address that passed {@link EmailAddresses#isValid}
     * @param sourceIp the client's address as API Gateway saw it
     * @throws TooManyRequestsException when this client has asked too often; nothing is stored or sent
     * @throws MailThrottledException   when SES is too busy to take the mail now; the next request may retry
     */
    public void ask(Event event, String typed, String name, String answer, String sourceIp) {
        Instant now = clock.instant();
        String request = UUID.randomUUID().toString();
        if (!limits.clientMayRsvp(sourceIp, now, request)) {
            log.info("RSVP request to event {} over the client limit; nothing stored", event.id());
            throw new TooManyRequestsException(SubscribeLimits.CLIENT_WINDOW);
        }
        if (!limits.rsvpMailMayBeSent(event.id(), typed, now, request)) {
            log.info("RSVP request to event {} within the mailbox cooldown; no mail sent", event.id());
            return;
        }
        String id = attendeeId(event.id(), typed);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Attendee> known = store.get(event.id(), id);
            Attendee next = known.map(a -> a.askedAgain(typed.strip(), name, answer, now))
                    .orElseGet(() -> Attendee.pending(event.id(), id, typed.strip(), name, answer, now));
            boolean written = known.isPresent() ? store.update(next)
                    : store.create(next, now.plus(SubscriberTokens.CONFIRM_LIFETIME));
            if (written) {
                String token = tokens.token(SubscriberTokens.Purpose.RSVP_CONFIRM, key(next),
                        now.plus(SubscriberTokens.CONFIRM_LIFETIME));
                try {
                    send(next, () -> mail.confirmation(event, next, token));
                } catch (MailThrottledException e) {
                    limits.rsvpMailNotSent(event.id(), typed, now);
                    log.warn("RSVP {} to event {}: confirmation not sent, SES kept throttling", id, event.id());
                    throw e;
                }
                log.info("RSVP {} to event {} asked, confirmation mailed", id, event.id());
                return;
            }
        }
        log.info("RSVP request raced with another; the other one mails");
    }

    /** Checks a confirm token before the page with the button is shown. */
    public Attendee checkConfirmToken(String token) {
        return find(tokens.verify(token, SubscriberTokens.Purpose.RSVP_CONFIRM, clock.instant()));
    }

    /** Checks a cancel token before the page with the button is shown. */
    public Attendee checkCancelToken(String token) {
        return find(tokens.verify(token, SubscriberTokens.Purpose.RSVP_CANCEL, clock.instant()));
    }

    /**
     * @throws InvalidTokenException for a forged, foreign or expired token
     * @throws UnknownRsvpException  for a token whose event or RSVP is gone
     */
    public Outcome confirm(String token) {
        Attendee found = checkConfirmToken(token);
        Outcome outcome = confirm(found);
        log.info("RSVP {} to event {} confirmed: {}", found.id(), found.eventId(), outcome);
        return outcome;
    }

    private Outcome confirm(Attendee found) {
        Event event = events.get(found.eventId()).orElseThrow(UnknownRsvpException::new);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Attendee a = store.get(event.id(), found.id()).orElseThrow(UnknownRsvpException::new);
            Instant now = clock.instant();
            switch (a.state()) {
                case PENDING -> {
                    if (!event.rsvpOpen(now)) {
                        return Outcome.CLOSED;
                    }
                    Attendee claiming = a.claiming(store.nextSequence(event.id()), now);
                    if (store.update(claiming)) {
                        return settle(event, claiming, false);
                    }
                }
                case CLAIMING -> {
                    Optional<Attendee> mine = takeOver(a, now);
                    if (mine.isEmpty()) {
                        return Outcome.IN_PROGRESS;
                    }
                    return settle(event, mine.get(), false);
                }
                case GOING -> {
                    mailPlace(event, a, false);
                    // a repeat after a failure between the GOING write and the claim's closing finishes it
                    store.closeClaim(event.id(), a.id());
                    return Outcome.GOING;
                }
                case WAITLISTED -> {
                    mailWaitlisted(event, a);
                    return Outcome.WAITLISTED;
                }
                case RELEASING, CANCELLED -> {
                    return Outcome.CANCELLED;
                }
            }
        }
        throw new IllegalStateException("RSVP kept changing while confirming");
    }

    /**
     * Idempotent: a cancelled RSVP stays cancelled. A GOING place passes to the first on the waitlist.
     *
     * @return CANCELLED, or IN_PROGRESS when a repeat found the event's promotion left half-done by a request that
     *         failed and cannot take it over yet (its mark is younger than {@link #STEP_LEASE}): a repeat after the
     *         lease finishes it, so the place freed is not lost to the waitlist
     * @throws InvalidTokenException for a forged or foreign token
     * @throws UnknownRsvpException  for a token whose event or RSVP is gone
     */
    public Outcome cancel(String token) {
        Attendee found = checkCancelToken(token);
        Outcome outcome = cancel(found.eventId(), found.id());
        log.info("RSVP {} to event {}: {}", found.id(), found.eventId(), outcome);
        return outcome;
    }

    /** The organiser removes an attendee: as if they had cancelled. @return false when there is no such RSVP */
    public boolean remove(String eventId, String attendeeId) {
        if (store.get(eventId, attendeeId).isEmpty()) {
            return false;
        }
        cancel(eventId, attendeeId);
        log.info("RSVP {} to event {} removed by an organiser", attendeeId, eventId);
        return true;
    }

    private Outcome cancel(String eventId, String attendeeId) {
        Event event = events.get(eventId).orElseThrow(UnknownRsvpException::new);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Attendee a = store.get(eventId, attendeeId).orElseThrow(UnknownRsvpException::new);
            Instant now = clock.instant();
            switch (a.state()) {
                case PENDING, WAITLISTED -> {
                    if (store.update(a.in(AttendeeState.CANCELLED, now))) {
                        log.debug("RSVP {} to event {} cancelled before it had a place", a.id(), eventId);
                        return Outcome.CANCELLED;
                    }
                }
                case GOING -> {
                    Attendee releasing = a.in(AttendeeState.RELEASING, now);
                    if (store.update(releasing)) {
                        release(event, releasing);
                        return Outcome.CANCELLED;
                    }
                }
                case CLAIMING, RELEASING -> {
                    Optional<Attendee> mine = takeOver(a, now);
                    if (mine.isEmpty()) {
                        sleep();
                    } else if (a.state() == AttendeeState.CLAIMING) {
                        settle(event, mine.get(), false);
                    } else {
                        release(event, mine.get());
                        return Outcome.CANCELLED;
                    }
                }
                case CANCELLED -> {
                    // a repeat after a crash: finish what the first attempt may not have (idempotent steps)
                    store.closeRelease(eventId, attendeeId);
                    return fill(event, true) ? Outcome.IN_PROGRESS : Outcome.CANCELLED;
                }
            }
        }
        throw new IllegalStateException("RSVP kept changing while cancelling");
    }

    /** Marks an attendee as arrived (idempotent). @return the RSVP, or empty when there is none */
    public Optional<Attendee> checkIn(String eventId, String attendeeId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Attendee> a = store.get(eventId, attendeeId);
            if (a.isEmpty() || a.get().checkedInAt() != null) {
                return a;
            }
            Attendee next = a.get().checkedIn(clock.instant());
            if (store.update(next)) {
                return Optional.of(next);
            }
        }
        throw new IllegalStateException("RSVP kept changing while checking in");
    }

    /**
     * Finishes a CLAIMING attendee: a place if one is free, else the waitlist.
     *
     * <p>Why this cannot over-fill or lose a place without transactions: the counter's conditional update
     * ({@code going < capacity}) is the only way to take a place, so concurrent confirmations serialise on one item
     * and at most {@code capacity} succeed. The same update notes {@code claims[id] = sequence}, so a retry after a
     * crash between it and the GOING write sees ALREADY_TAKEN instead of taking a second place; the attendee's
     * CLAIMING mark (owned for {@link #STEP_LEASE} by whoever wrote it) makes sure one actor at a time runs this,
     * and whoever finds a mark older than the lease finishes it. The mail goes out (through the ledger) before the
     * GOING or WAITLISTED write, so those states mean "done, mail included" and a crash before them is repaired.
     */
    private Outcome settle(Event event, Attendee claiming, boolean promoted) {
        RsvpStore.Claim claim = store.claimPlace(event.id(), claiming.id(), capacity(event), claiming.sequence());
        Instant now = clock.instant();
        if (claim == RsvpStore.Claim.FULL) {
            Attendee waitlisted = claiming.in(AttendeeState.WAITLISTED, now);
            // the mail before the state: WAITLISTED (like GOING) means the step, mail included, is done
            if (mailWaitlisted(event, waitlisted) == RsvpStore.MailClaim.HELD || !store.update(waitlisted)) {
                return Outcome.IN_PROGRESS;
            }
            // a place freed between our claim and our write must not sit idle while we wait
            fillFromWaitlist(event);
            return Outcome.WAITLISTED;
        }
        Attendee going = claiming.in(AttendeeState.GOING, now);
        if (mailPlace(event, going, promoted) == RsvpStore.MailClaim.HELD || !store.update(going)) {
            return Outcome.IN_PROGRESS;
        }
        store.closeClaim(event.id(), claiming.id());
        log.debug("RSVP {} to event {} has a place", claiming.id(), event.id());
        return Outcome.GOING;
    }

    /** Gives a RELEASING attendee's place back (counted once, by the releases mark), then promotes. */
    private void release(Event event, Attendee releasing) {
        store.releasePlace(event.id(), releasing.id(), releasing.sequence());
        // the iTIP CANCEL takes the accepted invitation out of their calendar; like a place mail, before the state
        if (mailCancelled(event, releasing) == RsvpStore.MailClaim.HELD) {
            return;
        }
        if (store.update(releasing.released(clock.instant()))) {
            store.closeRelease(event.id(), releasing.id());
            log.debug("RSVP {} to event {} cancelled; place given back", releasing.id(), event.id());
        }
        fillFromWaitlist(event);
    }

    /**
     * While places are free, promotes the earliest-confirmed WAITLISTED attendee. On the way it finishes any
     * CLAIMING or RELEASING mark whose owner died (older than the lease), so a crash is repaired by the next
     * cancellation or confirmation of the event, not only by that person's retry.
     */
    void fillFromWaitlist(Event event) {
        fill(event, false);
    }

    /**
     * @param repairFirst scan for half-done steps even when the event looks full (a retry after a crash)
     * @return whether it met a half-done step it may not take over yet (still within its lease)
     */
    private boolean fill(Event event, boolean repairFirst) {
        boolean unfinished = false;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!(repairFirst && attempt == 0) && store.going(event.id()) >= capacity(event)) {
                return unfinished;
            }
            Attendee first = null;
            Instant now = clock.instant();
            String cursor = null;
            do {
                Page<Attendee> page = store.list(event.id(), cursor, PAGE);
                for (Attendee a : page.items()) {
                    if (a.state() == AttendeeState.WAITLISTED
                            && (first == null || BY_SEQUENCE.compare(a, first) < 0)) {
                        first = a;
                    } else if (a.state() == AttendeeState.CLAIMING || a.state() == AttendeeState.RELEASING) {
                        Optional<Attendee> mine = takeOver(a, now);
                        mine.ifPresent(m -> repair(event, m));
                        unfinished |= mine.isEmpty();
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            if (first == null || store.going(event.id()) >= capacity(event)) {
                return unfinished;
            }
            Attendee promoting = first.promoting(now);
            if (store.update(promoting) && settle(event, promoting, true) != Outcome.GOING) {
                return unfinished;
            }
        }
        return unfinished;
    }

    private static final Comparator<Attendee> BY_SEQUENCE = Comparator.comparingLong(Attendee::sequence);

    private void repair(Event event, Attendee mine) {
        log.debug("Finishing RSVP {} to event {} left half-done", mine.id(), event.id());
        if (mine.state() == AttendeeState.CLAIMING) {
            settle(event, mine, false);
        } else {
            store.releasePlace(event.id(), mine.id(), mine.sequence());
            if (mailCancelled(event, mine) != RsvpStore.MailClaim.HELD
                    && store.update(mine.released(clock.instant()))) {
                store.closeRelease(event.id(), mine.id());
            }
        }
    }

    /** The attendee as this caller's own step, if its CLAIMING/RELEASING mark has outlived its lease. */
    private Optional<Attendee> takeOver(Attendee a, Instant now) {
        if (a.updatedAt().plus(STEP_LEASE).isAfter(now)) {
            return Optional.empty();
        }
        Attendee mine = a.in(a.state(), now);
        return store.update(mine) ? Optional.of(mine) : Optional.empty();
    }

    private RsvpStore.MailClaim mailPlace(Event event, Attendee going, boolean promoted) {
        String cancel = tokens.token(SubscriberTokens.Purpose.RSVP_CANCEL, key(going), null);
        return sendOnce(event, going, "GOING", ledgerKey -> mail.place(event, going, cancel, ledgerKey, promoted));
    }

    private RsvpStore.MailClaim mailCancelled(Event event, Attendee released) {
        return sendOnce(event, released, "CANCELLED", ledgerKey -> mail.cancelled(event, released, ledgerKey));
    }

    private RsvpStore.MailClaim mailWaitlisted(Event event, Attendee waitlisted) {
        String cancel = tokens.token(SubscriberTokens.Purpose.RSVP_CANCEL, key(waitlisted), null);
        return sendOnce(event, waitlisted, "WAITLISTED", ledgerKey -> mail.waitlisted(event, waitlisted, cancel, ledgerKey));
    }

    /**
     * One mail per attendee, kind and confirmation: the ledger entry is written before sending, so a crash after it
     * sends nothing twice. Only the owner of the step's CLAIMING or RELEASING mark sends its mails (or, in GOING or
     * WAITLISTED, finds them sent), and marks are exclusive, so a claimed entry not marked sent was left by the
     * mark's dead previous owner: it is taken over at once (a later lease would leave the step, and a promotion,
     * half-done with nobody to finish it), and the repeat carries the same Message-ID.
     */
    private RsvpStore.MailClaim sendOnce(Event event, Attendee a, String kind,
                                         java.util.function.Function<String, byte[]> compose) {
        String mailKey = a.id() + "#" + kind + "#" + a.sequence();
        Instant now = clock.instant();
        RsvpStore.MailClaim claim = store.claimMail(event.id(), mailKey, now, Duration.ZERO,
                event.endsAt().plus(Duration.ofDays(30)));
        if (claim != RsvpStore.MailClaim.SEND) {
            return claim;
        }
        String messageId = send(a, () -> compose.apply(mailKey));
        store.markMailSent(event.id(), mailKey, messageId == null ? "rejected" : messageId, clock.instant());
        return RsvpStore.MailClaim.SENT;
    }

    private String send(Attendee a, java.util.function.Supplier<byte[]> message) {
        try {
            return sender.send(a.email(), message.get());
        } catch (MailRejectedException e) {
            log.warn("RSVP mail for {} rejected: {}", a.id(), e.reason());
            return null;
        }
    }

    private Attendee find(String key) {
        int slash = key.indexOf('/');
        if (slash < 1) {
            throw new InvalidTokenException(false);
        }
        return store.get(key.substring(0, slash), key.substring(slash + 1)).orElseThrow(UnknownRsvpException::new);
    }

    /**
     * One person, one place: keyed on the {@link Mailbox} (the folding the mailbox limit counts by), so
     * {@code ann+1@} and {@code ann@} are one attendee; mail still goes to the address last typed.
     */
    String attendeeId(String eventId, String typed) {
        return tokens.opaqueId(eventId + "|" + Mailbox.of(typed));
    }

    private static String key(Attendee a) {
        return a.eventId() + "/" + a.id();
    }

    private static int capacity(Event event) {
        Integer capacity = event.rsvp() == null ? null : event.rsvp().capacity();
        return capacity == null ? Integer.MAX_VALUE : capacity;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
