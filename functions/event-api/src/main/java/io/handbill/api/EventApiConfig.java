package io.handbill.api;

import io.handbill.aws.Env;
import io.handbill.http.AdminGroupConfig;

import java.util.Map;

/**
 * Everything the event API is configured with, parsed at init.
 *
 * @param eventsTable {@code EVENTS_TABLE}
 * @param adminGroup  {@code ADMIN_GROUP}: the Cognito group allowed to use the API
 */
public record EventApiConfig(String eventsTable, String adminGroup) {
    public static EventApiConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new EventApiConfig(env.required("EVENTS_TABLE"), AdminGroupConfig.from(env).name());
    }
}
