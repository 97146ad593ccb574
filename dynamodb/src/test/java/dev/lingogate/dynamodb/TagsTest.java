package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.BatchTest.failure;
import static dev.lingogate.dynamodb.BatchTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.edge.EdgeOptions;
import dev.lingogate.edge.EdgeServer;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Effect;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.iam.policy.Statement;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Tag;

class TagsTest {

    static final String ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    static List<Tag> tagsOf(String table) {
        return dynamo.listTagsOfResource(r -> r.resourceArn(ARN_PREFIX + table)).tags();
    }

    @Test
    void tagsGivenAtCreationAreListedAddedReplacedAndRemoved() {
        dynamo.createTable(TablesTest.table("Tagged", false).toBuilder().tags(tag("team", "core"), tag("env", "dev")).build());
        assertThat(tagsOf("Tagged")).containsExactly(tag("team", "core"), tag("env", "dev"));

        dynamo.tagResource(r -> r.resourceArn(ARN_PREFIX + "Tagged").tags(tag("env", "prod"), tag("cost", "")));
        assertThat(tagsOf("Tagged")).containsExactly(tag("team", "core"), tag("env", "prod"), tag("cost", ""));

        dynamo.untagResource(r -> r.resourceArn(ARN_PREFIX + "Tagged").tagKeys("team", "never-there"));
        assertThat(tagsOf("Tagged")).containsExactly(tag("env", "prod"), tag("cost", ""));
    }

    @Test
    void tagsSurviveARestart() {
        dynamo.createTable(TablesTest.table("Remembered", false));
        dynamo.tagResource(r -> r.resourceArn(ARN_PREFIX + "Remembered").tags(tag("k", "v")));

        edge.restart();
        dynamo = edge.client();

        assertThat(tagsOf("Remembered")).containsExactly(tag("k", "v"));
    }

    @Test
    void anUnknownTableIsNotFoundAsEachActionWordsIt() {
        String arn = ARN_PREFIX + "Missing";
        DynamoDbException tagging = failure(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("a", "b"))));
        assertThat(tagging.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(message(tagging)).isEqualTo("Requested resource not found: ResourcArn: " + arn + " not found");
        assertThat(message(failure(() -> dynamo.listTagsOfResource(r -> r.resourceArn(arn)))))
                .isEqualTo("Requested resource not found: ResourcArn: " + arn + " not found");
        assertThat(message(failure(() -> dynamo.untagResource(r -> r.resourceArn(arn).tagKeys("a")))))
                .isEqualTo("Requested resource not found");

        dynamo.createTable(TablesTest.table("Elsewhere", false));
        String otherRegion = "arn:aws:dynamodb:eu-west-1:000000000000:table/Elsewhere";
        assertThat(failure(() -> dynamo.listTagsOfResource(r -> r.resourceArn(otherRegion))).awsErrorDetails().errorCode())
                .isEqualTo("ResourceNotFoundException");
    }

    @Test
    void anArnOfNoResourceIsRefusedAsUnauthorizedAndOneOfNoTableAsInvalid() {
        DynamoDbException denied = failure(() -> dynamo.tagResource(r -> r.resourceArn("abcd").tags(tag("a", "b"))));
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(message(denied)).isEqualTo("User: arn:aws:iam::000000000000:user/admin is not authorized to perform:"
                + " dynamodb:TagResource on resource: abcd");

        DynamoDbException invalid = failure(() -> dynamo.listTagsOfResource(r -> r.resourceArn("a:b:c:d:e:f/g")));
        assertThat(invalid.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(invalid)).isEqualTo("Invalid TableArn: Invalid ResourceArn provided as input a:b:c:d:e:f/g");

        assertThat(message(failure(() -> dynamo.tagResource(r -> r.resourceArn(ARN_PREFIX + "Any").tags(List.of())))))
                .isEqualTo("Atleast one Tag needs to be provided as Input.");
        assertThat(message(failure(() -> dynamo.untagResource(r -> r.resourceArn(ARN_PREFIX + "Any").tagKeys(List.of())))))
                .isEqualTo("Atleast one Tag Key needs to be provided as Input.");
    }

    @Test
    void tagKeysAndValuesAndTheirNumberAreBounded() {
        dynamo.createTable(TablesTest.table("Bounded", false));
        String arn = ARN_PREFIX + "Bounded";
        String longKey = "k".repeat(129);
        assertThat(message(failure(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("ok", "v"), tag(longKey, "v"))))))
                .isEqualTo("1 validation error detected: Value '" + longKey + "' at 'tags.2.member.key' failed to satisfy constraint:"
                        + " Member must have length less than or equal to 128");
        String longValue = "v".repeat(257);
        assertThat(message(failure(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("k", longValue))))))
                .isEqualTo("1 validation error detected: Value '" + longValue + "' at 'tags.1.member.value' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 256");

        DynamoDbException notATag = failure(() -> edge.client().tagResource(r -> r.resourceArn(arn).tags(tag("k", null))));
        assertThat(message(notATag)).isEqualTo("1 validation error detected: Value null at 'tags.1.member.value' failed to satisfy"
                + " constraint: Member must not be null");

        dynamo.tagResource(r -> r.resourceArn(arn).tags(IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList()));
        DynamoDbException tooMany = failure(() -> dynamo.tagResource(r -> r.resourceArn(arn).tags(tag("one-more", "v"))));
        assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(tooMany)).isEqualTo("One or more parameter values were invalid: The number of tags on a table cannot"
                + " exceed 50, but it would be 51");
        assertThat(tagsOf("Bounded")).hasSize(50);
    }

    @Test
    void taggingIsAuthorizedPerActionOnTheTableArn() {
        dynamo.createTable(TablesTest.table("Guarded", false));
        String arn = ARN_PREFIX + "Guarded";
        KeyRing keys = new KeyRing();
        keys.add(new AccessKey("AKIDREADER", "reader-secret"), new Principal("arn:aws:iam::000000000000:user/reader",
                new Policy(List.of(new Statement(Effect.ALLOW, List.of("dynamodb:ListTagsOfResource"), List.of(arn))))));
        Vertx vertx = Vertx.vertx();
        EdgeServer guarded = new EdgeServer(vertx, EdgeOptions.onPort(0), new SigV4Verifier(keys, Clock.systemUTC()),
                List.of(edge.service()));
        guarded.start().await();
        try (DynamoDbClient reader = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + guarded.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDREADER", "reader-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            assertThat(reader.listTagsOfResource(r -> r.resourceArn(arn)).tags()).isEmpty();
            DynamoDbException denied = failure(() -> reader.tagResource(r -> r.resourceArn(arn).tags(tag("a", "b"))));
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(message(denied)).startsWith("User: arn:aws:iam::000000000000:user/reader is not authorized to perform:"
                    + " dynamodb:TagResource on resource: " + arn);
        } finally {
            guarded.stop().await();
            vertx.close().await();
        }
    }
}
