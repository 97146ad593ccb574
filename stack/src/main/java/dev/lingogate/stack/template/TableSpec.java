package dev.lingogate.stack.template;

import java.util.Map;

/**
 * An {@code AWS::DynamoDB::Table} of the template.
 *
 * @param createTableInput its Properties, resolved: they are DynamoDB's CreateTable input
 */
public record TableSpec(String logicalId, String tableName, Map<String, Object> createTableInput) {
}
