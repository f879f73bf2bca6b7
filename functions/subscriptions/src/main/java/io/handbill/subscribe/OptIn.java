package io.handbill.subscribe;

import io.handbill.mail.MailSender;
import io.handbill.subscriber.SubscriberTokens;

import java.time.Clock;

/**
 * What both double opt-in flows, subscribing and RSVPing, work with: the signed links, the limits on asking, the
 * mail sender and the clock. The function wires one and hands it to both services.
 */
public record OptIn(SubscriberTokens tokens, SubscribeLimits limits, MailSender sender, Clock clock) {
}
