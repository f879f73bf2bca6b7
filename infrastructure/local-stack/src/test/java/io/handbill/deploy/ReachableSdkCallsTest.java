package io.handbill.deploy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReachableSdkCallsTest {

    @Test
    void callsThroughInterfacesLambdasAndLibraryCallbacks_areFound_unreachedOnesAreNot() {
        assertThat(ReachableSdkCalls.from(Handler.class))
                .containsExactly("dynamodb:PutItem", "s3:ListBucket", "ssm:GetParameter");
    }

    @Test
    void aClassThatIsNeverConstructed_addsNothing() {
        assertThat(ReachableSdkCalls.from(Idle.class)).isEmpty();
    }

    interface Store {
        void save(String id);
    }

    static final class DynamoStore implements Store {
        private final DynamoDbClient dynamo;

        DynamoStore(DynamoDbClient dynamo) {
            this.dynamo = dynamo;
        }

        @Override
        public void save(String id) {
            dynamo.putItem(r -> r.tableName("t"));
        }

        void purge(String id) {
            dynamo.deleteItem(r -> r.tableName("t"));
        }
    }

    static final class Lister implements Runnable {
        private final S3Client s3;

        Lister(S3Client s3) {
            this.s3 = s3;
        }

        @Override
        public void run() {
            s3.listObjectsV2(r -> r.bucket("b"));
        }
    }

    static final class Handler {
        private final Store store;
        private final Runnable lister;

        Handler(DynamoDbClient dynamo, S3Client s3) {
            this.store = new DynamoStore(dynamo);
            this.lister = new Lister(s3);
        }

        void handle(List<String> ids) {
            ids.forEach(store::save);
            new Thread(lister).start();
        }

        String secretRequestTarget() {
            return "AmazonSSM.GetParameter";
        }
    }

    static final class Idle {
        void nothing(Store store) {
            store.toString();
        }
    }
}
