package io.handbill.model;

/**
 * @param provides what the sponsor gives, e.g. "refreshments and the venue"
 */
public record Sponsor(String name, String url, String provides) {
}
