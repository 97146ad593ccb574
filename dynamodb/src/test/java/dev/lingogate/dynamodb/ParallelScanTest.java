package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.BatchTest.failure;
import static dev.lingogate.dynamodb.BatchTest.message;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class ParallelScanTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(TablesTest.table("Many", false));
        for (int batch = 0; batch < 8; batch++) {
            List<WriteRequest> puts = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                puts.add(BatchTest.put(Map.of("id", s("item-" + (batch * 25 + i)))));
            }
            dynamo.batchWriteItem(r -> r.requestItems(Map.of("Many", puts)));
        }
    }

    /** Every id of one segment, read page by page. */
    static List<String> segment(int segment, int totalSegments) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(r -> r.tableName("Many").segment(segment).totalSegments(totalSegments).limit(7)
                    .exclusiveStartKey(from));
            page.items().forEach(item -> ids.add(item.get("id").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return ids;
    }

    @Test
    void fourSegmentsTogetherHoldEveryItemExactlyOnce() {
        Set<String> all = new HashSet<>();
        dynamo.scan(r -> r.tableName("Many")).items().forEach(item -> all.add(item.get("id").s()));
        assertThat(all).hasSize(200);

        List<String> union = new ArrayList<>();
        for (int segment = 0; segment < 4; segment++) {
            List<String> ids = segment(segment, 4);
            assertThat(ids).as("segment %d", segment).isNotEmpty();
            union.addAll(ids);
        }

        assertThat(union).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void oneSegmentOfOneIsTheWholeTable() {
        assertThat(segment(0, 1)).hasSize(200);
    }

    @Test
    void segmentAndTotalSegmentsGoTogetherAsAwsRequires() {
        DynamoDbException noTotal = failure(() -> dynamo.scan(r -> r.tableName("Many").segment(1)));
        assertThat(noTotal.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(noTotal)).isEqualTo("The TotalSegments parameter is required but was not present in the request when"
                + " Segment parameter is present");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Many").totalSegments(2)))))
                .isEqualTo("The Segment parameter is required but was not present in the request when parameter TotalSegments"
                        + " is present");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Many").segment(2).totalSegments(2)))))
                .isEqualTo("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not"
                        + " less than TotalSegments: 2");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Many").segment(0).totalSegments(1_000_001)))))
                .isEqualTo("1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint:"
                        + " Member must have value less than or equal to 1000000");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Many").segment(-1).totalSegments(2)))))
                .isEqualTo("1 validation error detected: Value '-1' at 'segment' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 0");
    }

    @Test
    void aStartKeyFromAnotherSegmentIsRefused() {
        Map<String, AttributeValue> ofSegmentOne = dynamo.scan(r -> r.tableName("Many").segment(1).totalSegments(2).limit(1))
                .lastEvaluatedKey();

        DynamoDbException refused = failure(() -> dynamo.scan(r -> r.tableName("Many").segment(0).totalSegments(2)
                .exclusiveStartKey(ofSegmentOne)));

        assertThat(message(refused)).isEqualTo("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use"
                + " ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: 0");
    }
}
