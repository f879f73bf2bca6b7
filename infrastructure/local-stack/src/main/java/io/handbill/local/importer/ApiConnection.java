package io.handbill.local.importer;

import io.handbill.local.LocalStackFile;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which event-api the command talks to, with which token: the one given ({@code --api}, {@code --token} or
 * {@code HANDBILL_TOKEN}), else the running local stack on whatever port it is, as its {@link LocalStackFile} says,
 * else one on the default port. When none can be used, {@link #problem} says which flag to add.
 */
record ApiConnection(URI api, String token, String problem) {
    static final URI DEFAULT_LOCAL_API = URI.create("http://localhost:8080/api");
    private static final String START = "start it with `java -jar infrastructure/target/handbill-local.jar`";

    static ApiConnection resolve(ImportOptions options, Map<String, String> env, HttpClient http) {
        String given = options.token() != null ? options.token() : env.get("HANDBILL_TOKEN");
        if (options.api() != null) {
            URI api = options.api();
            String token = given != null ? given
                    : LocalStackToken.isLocal(api) ? LocalStackToken.ask(http, api).orElse(null) : null;
            return token != null ? new ApiConnection(api, token, null) : new ApiConnection(api, null,
                    "no token for " + api + ": give --token or set HANDBILL_TOKEN"
                            + (LocalStackToken.isLocal(api) ? " (is the local stack running there?)" : ""));
        }
        Path file = LocalStackFile.location(env);
        Optional<LocalStackFile.Entry> recorded = LocalStackFile.read(file);
        if (recorded.isPresent()) {
            URI api = URI.create(recorded.get().api());
            if (LocalStackToken.ask(http, api).isEmpty()) {
                return new ApiConnection(api, null, "the local stack " + file + " names (" + recorded.get().url()
                        + ") does not answer: " + START + ", or add --api URL for a stack elsewhere");
            }
            return new ApiConnection(api, given != null ? given : recorded.get().token(), null);
        }
        Optional<String> local = LocalStackToken.ask(http, DEFAULT_LOCAL_API);
        if (given != null || local.isPresent()) {
            return new ApiConnection(DEFAULT_LOCAL_API, given != null ? given : local.get(), null);
        }
        return new ApiConnection(DEFAULT_LOCAL_API, null, "no running local stack found: "
                + (Files.exists(file) ? file + " is unreadable" : "there is no " + file)
                + " and nothing answers at " + DEFAULT_LOCAL_API.resolve("/") + "; " + START
                + ", or add --api http://localhost:PORT/api for a local stack on another port,"
                + " or --api URL --token TOKEN for a deployed one");
    }
}
