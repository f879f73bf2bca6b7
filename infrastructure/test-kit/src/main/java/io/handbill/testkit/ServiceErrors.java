package io.handbill.testkit;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** The exceptions the SDK makes of each service's throttling answer, so that code and retries see what AWS gives. */
final class ServiceErrors {
    private ServiceErrors() {
    }

    static AwsServiceException throttling(String service) {
        return switch (service) {
            case "DynamoDb" -> DynamoDbException.builder().statusCode(400).message("Rate exceeded")
                    .awsErrorDetails(details(service, "ThrottlingException", 400)).build();
            case "S3" -> S3Exception.builder().statusCode(503).message("Please reduce your request rate.")
                    .awsErrorDetails(details(service, "SlowDown", 503)).build();
            case "SesV2" -> TooManyRequestsException.builder().statusCode(429).message("Maximum sending rate exceeded.")
                    .awsErrorDetails(details(service, "TooManyRequestsException", 429)).build();
            default -> AwsServiceException.builder().statusCode(429).message("Throttled")
                    .awsErrorDetails(details(service, "ThrottlingException", 429)).build();
        };
    }

    private static AwsErrorDetails details(String service, String code, int status) {
        return AwsErrorDetails.builder().serviceName(service).errorCode(code).errorMessage(code)
                .sdkHttpResponse(software.amazon.awssdk.http.SdkHttpResponse.builder().statusCode(status).build())
                .build();
    }
}
