package io.handbill.render;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.http.ExpectedFailures;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpApi;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.DynamoDbSeriesStore;
import org.crac.Core;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.util.List;

/**
 * The organisers' routes that need the page renderer, in {@link AdminToolsEndpoints}: {@code POST /api/preview}
 * renders a draft as it would publish ({@link PagePreview}), {@code POST /api/uploads} hands out a presigned PUT
 * of a cover picture into the site bucket ({@link CoverUploads}). Its own function in the renderer's jar, so that
 * the preview runs the publisher's code and the event API stays small.
 */
public final class AdminToolsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** The routes template.yaml gives this function (a deploy test compares). */
    public static final List<String> ROUTES = AdminToolsEndpoints.ROUTES.keys();

    private final HttpApi<AdminToolsEndpoints> http;
    /** Held here because CRaC keeps registered resources only weakly. */
    private final AdminToolsPriming priming;

    /** Used by the Lambda runtime, once per sandbox: settings from the environment, the shared SDK clients. */
    public AdminToolsHandler() {
        this(AdminToolsConfig.from(Env.processVariables()), AwsClients.dynamoDb(), AwsClients.s3(), Clock.systemUTC());
        // SnapStart snapshots after init: prime then, so that restored sandboxes start warm
        Core.getGlobalContext().register(priming);
    }

    /**
     * The function's wiring, on the given clients: the runtime, the local stack and integration tests use it. The
     * presigner signs for the S3 client's endpoint, region and credentials (it sends nothing itself).
     */
    public AdminToolsHandler(AdminToolsConfig config, DynamoDbClient dynamo, S3Client s3, Clock clock) {
        PageRendererConfig renderer = config.renderer();
        this.priming = new AdminToolsPriming(this, config.adminGroup());
        var previews = new PagePreview(new DynamoDbEventStore(dynamo, renderer.eventsTable()),
                new DynamoDbSeriesStore(dynamo, renderer.eventsTable()),
                new PageRenderer(renderer.site(), renderer.logoUrl()), renderer.site(), clock);
        var uploads = new CoverUploads(CoverUploads.presignerFor(s3), renderer.pagesBucket(),
                renderer.site());
        this.http = new HttpApi<>(AdminToolsEndpoints.ROUTES,
                new AdminToolsEndpoints(previews, uploads, new GroupAuthorizer(config.adminGroup())),
                ExpectedFailures.NONE,
                "Something went wrong on our side; nothing was changed. Please try again.");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.handle(event);
    }
}
