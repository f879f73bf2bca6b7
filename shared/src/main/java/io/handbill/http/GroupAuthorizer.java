package io.handbill.http;

import java.util.Arrays;
import java.util.Map;

/**
 * Checks the claims API Gateway's JWT authorizer passed on: no claims → 401, claims without the group → 403. The
 * authorizer in front has already verified the token; this second check keeps a mis-wired route from opening admin
 * endpoints to anyone with any valid token.
 *
 * <p>Cognito puts groups in {@code cognito:groups}; API Gateway flattens a list claim to the string
 * {@code [organisers other]}, and other sources send {@code ["organisers"]} or {@code organisers,other}: all
 * are understood.
 */
public final class GroupAuthorizer {
    public static final String GROUPS_CLAIM = "cognito:groups";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer");

    private final String group;

    public GroupAuthorizer(String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("group is blank");
        }
        this.group = group;
    }

    public String group() {
        return group;
    }

    /** @throws ProblemException 401 without claims, 403 when the caller is not in the group */
    public void authorize(ApiRequest request) {
        Map<String, String> claims = request.jwtClaims();
        if (claims.isEmpty()) {
            throw new ProblemException(Problem.of(401, "Sign in as an organiser to use this endpoint."), CHALLENGE);
        }
        if (!isMember(claims.get(GROUPS_CLAIM))) {
            throw new ProblemException(Problem.of(403, "Only members of the " + group + " group may do this."));
        }
    }

    private boolean isMember(String groupsClaim) {
        if (groupsClaim == null) {
            return false;
        }
        return Arrays.stream(groupsClaim.split("[\\[\\]\\s,\"]+")).anyMatch(group::equals);
    }
}
