package dev.lingogate.stack.template;

import dev.lingogate.iam.policy.Effect;
import dev.lingogate.iam.policy.Statement;
import java.util.List;
import java.util.Map;

/**
 * SAM's policy templates, expanded to the statements AWS SAM gives them (see the
 * "AWS SAM policy templates" list in the SAM developer guide).
 */
final class PolicyTemplates {

    private static final List<String> DYNAMODB_CRUD = List.of("dynamodb:GetItem", "dynamodb:DeleteItem",
            "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem",
            "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem");
    private static final List<String> DYNAMODB_READ = List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query",
            "dynamodb:BatchGetItem", "dynamodb:DescribeTable");
    private static final List<String> DYNAMODB_WRITE = List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:BatchWriteItem");
    private static final List<String> COMPREHEND_BASIC = List.of("comprehend:BatchDetectKeyPhrases",
            "comprehend:DetectDominantLanguage", "comprehend:DetectEntities", "comprehend:BatchDetectEntities",
            "comprehend:DetectKeyPhrases", "comprehend:DetectSentiment", "comprehend:BatchDetectDominantLanguage",
            "comprehend:BatchDetectSentiment");

    private PolicyTemplates() {
    }

    /**
     * @param name       the template's name, e.g. {@code DynamoDBCrudPolicy}
     * @param parameters its parameters, resolved
     * @param tableArn   the ARN of a table by name, in this stack's account and region
     */
    static Statement expand(String name, Map<String, Object> parameters, java.util.function.UnaryOperator<String> tableArn,
            String functionId) {
        return switch (name) {
            case "DynamoDBCrudPolicy" -> tableStatement(DYNAMODB_CRUD, parameters, tableArn, name, functionId);
            case "DynamoDBReadPolicy" -> tableStatement(DYNAMODB_READ, parameters, tableArn, name, functionId);
            case "DynamoDBWritePolicy" -> tableStatement(DYNAMODB_WRITE, parameters, tableArn, name, functionId);
            case "ComprehendBasicAccessPolicy" -> new Statement(Effect.ALLOW, COMPREHEND_BASIC, List.of("*"));
            default -> throw new TemplateException(functionId + ": the policy template " + name
                    + " is not supported locally (supported: DynamoDBCrudPolicy, DynamoDBReadPolicy, "
                    + "DynamoDBWritePolicy, ComprehendBasicAccessPolicy, and inline Statement lists)");
        };
    }

    private static Statement tableStatement(List<String> actions, Map<String, Object> parameters,
            java.util.function.UnaryOperator<String> tableArn, String name, String functionId) {
        Object table = parameters.get("TableName");
        if (table == null) {
            throw new TemplateException(functionId + ": " + name + " needs a TableName");
        }
        String arn = tableArn.apply(String.valueOf(table));
        return new Statement(Effect.ALLOW, actions, List.of(arn, arn + "/index/*"));
    }
}
