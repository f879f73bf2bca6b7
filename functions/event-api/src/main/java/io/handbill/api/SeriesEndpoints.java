package io.handbill.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handbill.http.ApiRequest;
import io.handbill.http.HttpResponse;
import io.handbill.http.JsonRequestBody;
import io.handbill.json.Json;
import io.handbill.model.Series;
import io.handbill.store.SeriesNotFoundException;

import java.util.List;
import java.util.regex.Pattern;

/** The series routes of {@link EventEndpoints}: HTTP in and out of {@link SeriesService}. */
final class SeriesEndpoints {
    private static final Pattern SERIES_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Body of {@code GET /api/series}. */
    record SeriesList(List<Series> items) {
    }

    private final SeriesService service;

    SeriesEndpoints(SeriesService service) {
        this.service = service;
    }

    HttpResponse list() {
        return HttpResponse.json(200, new SeriesList(service.list()));
    }

    HttpResponse create(ApiRequest request) {
        var created = service.create(JsonRequestBody.read(request, SeriesRequest.class));
        return view(201, created).header("Location", "/api/series/" + created.series().id());
    }

    HttpResponse get(ApiRequest request) {
        return view(200, service.view(seriesId(request)));
    }

    HttpResponse update(ApiRequest request) {
        return view(200, service.update(seriesId(request), JsonRequestBody.read(request, SeriesRequest.class),
                EventEndpoints.ifMatch(request)));
    }

    HttpResponse end(ApiRequest request) {
        service.end(seriesId(request));
        return HttpResponse.empty(204);
    }

    HttpResponse skip(ApiRequest request) {
        return view(200, service.skip(seriesId(request), JsonRequestBody.read(request, SkipRequest.class)));
    }

    /** The series' fields with its {@code occurrences} next to them, and its version as the ETag. */
    private static HttpResponse view(int status, SeriesService.SeriesView view) {
        ObjectNode body = Json.MAPPER.valueToTree(view.series());
        body.set("occurrences", Json.MAPPER.valueToTree(view.occurrences()));
        return HttpResponse.jsonText(status, Json.write(body)).header("ETag", "\"" + view.series().version() + "\"");
    }

    private static String seriesId(ApiRequest request) {
        String id = request.pathParameter("id");
        if (!SERIES_ID.matcher(id).matches()) {
            throw new SeriesNotFoundException(id);
        }
        return id;
    }
}
