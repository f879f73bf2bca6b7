package io.handbill.render;

import io.handbill.aws.Env;
import io.handbill.http.AdminGroupConfig;

import java.util.Map;

/**
 * Everything the admin tools function is configured with, parsed at init: the renderer's own settings, so that a
 * preview is rendered for the same site as the pages and uploads land in its bucket, and the organisers' group.
 *
 * @param renderer   as the page renderer reads them ({@link PageRendererConfig})
 * @param adminGroup {@code ADMIN_GROUP}: the Cognito group allowed to use these routes
 */
public record AdminToolsConfig(PageRendererConfig renderer, String adminGroup) {
    public static AdminToolsConfig from(Map<String, String> variables) {
        return new AdminToolsConfig(PageRendererConfig.from(variables),
                AdminGroupConfig.from(new Env(variables)).name());
    }
}
