package dev.lingogate.stack.wiring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.AwsService;
import dev.lingogate.iam.Principal;
import dev.lingogate.stack.template.TableSpec;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the template's tables through DynamoDB's own CreateTable, as CloudFormation would; a
 * table kept from an earlier run is left as it is.
 */
final class TemplateTables {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateTables.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateTables() {
    }

    static void create(List<TableSpec> tables, AwsService dynamoDb, Principal admin) {
        for (TableSpec table : tables) {
            AwsRequest createTable = new AwsRequest(UUID.randomUUID().toString(), "POST", "/", "",
                    Map.of("x-amz-target", List.of("DynamoDB_20120810.CreateTable")), body(table), admin);
            try {
                dynamoDb.call(createTable).toCompletableFuture().join();
                LOG.info("created table {}", table.tableName());
            } catch (AwsException | CompletionException e) {
                Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                if (!(cause instanceof AwsException aws) || !"ResourceInUseException".equals(aws.errorType())) {
                    throw new IllegalStateException("cannot create table " + table.tableName() + ": " + cause.getMessage(), cause);
                }
                LOG.info("table {} kept from an earlier run", table.tableName());
            }
        }
    }

    private static byte[] body(TableSpec table) {
        try {
            return JSON.writeValueAsBytes(table.createTableInput());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template values are plain maps and strings", e);
        }
    }
}
