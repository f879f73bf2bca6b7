package io.handbill.model;

import java.math.BigDecimal;

/**
 * Where to get a ticket. Either {@code free} is true, or {@code price} and {@code currency} are set.
 *
 * @param currency ISO 4217 code such as {@code GBP}
 */
public record TicketLink(String label, String url, boolean free, BigDecimal price, String currency) {
}
