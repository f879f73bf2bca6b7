package io.handbill.render;

import io.handbill.http.ApiRequest;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpResponse;
import io.handbill.http.JsonRequestBody;
import io.handbill.http.Problem;
import io.handbill.http.ProblemException;
import io.handbill.http.Routes;
import io.handbill.model.EventDraft;

import java.util.regex.Pattern;

/** The organisers' routes that need the renderer; every one needs a member of the admin group. */
record AdminToolsEndpoints(PagePreview previews, CoverUploads uploads, GroupAuthorizer organisers) {
    /** Event ids are UUIDs (or short seed keys), as the event API accepts them. */
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    static final Routes<AdminToolsEndpoints> ROUTES = Routes.<AdminToolsEndpoints>builder()
            .on("POST /api/preview", AdminToolsEndpoints::preview)
            .on("POST /api/uploads", AdminToolsEndpoints::upload)
            .build();

    /**
     * The body is the draft a save sends; {@code ?id=} names the stored event it edits (left out for a new one).
     * Answers the description and the whole page as they would publish; never cached, nothing stored.
     */
    private HttpResponse preview(ApiRequest request) {
        organisers.authorize(request);
        String id = request.query("id").filter(i -> !i.isEmpty()).orElse(null);
        if (id != null && !EVENT_ID.matcher(id).matches()) {
            throw new ProblemException(Problem.of(404, "There is no event with this id."));
        }
        EventDraft draft = JsonRequestBody.read(request, EventDraft.class);
        return HttpResponse.json(200, previews.of(draft, id)).cacheControl(HttpResponse.NO_STORE);
    }

    /** A presigned PUT of a new cover picture into the site bucket ({@link CoverUploads}); nothing stored yet. */
    private HttpResponse upload(ApiRequest request) {
        organisers.authorize(request);
        CoverUploads.Request upload = JsonRequestBody.read(request, CoverUploads.Request.class);
        return HttpResponse.json(201, uploads.start(upload)).cacheControl(HttpResponse.NO_STORE);
    }
}
