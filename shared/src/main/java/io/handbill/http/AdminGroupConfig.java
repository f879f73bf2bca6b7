package io.handbill.http;

import io.handbill.aws.Env;

/** The Cognito group whose members are organisers ({@code ADMIN_GROUP}); template.yaml's group is the default. */
public record AdminGroupConfig(String name) {
    public static final String DEFAULT = "organisers";

    public static AdminGroupConfig from(Env env) {
        return new AdminGroupConfig(env.optional("ADMIN_GROUP", DEFAULT));
    }
}
