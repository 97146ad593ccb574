package dev.lingogate.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's calls to the edge are held to the policies its template entry gives it. */
class FunctionPolicyTest {

    @TempDir
    Path dir;

    @Test
    void aFunctionWhosePolicyOnlyReadsTheTableCannotWriteToIt() throws IOException {
        String app = Path.of("../app").toAbsolutePath().normalize().toString();
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  History:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions:
                        - {AttributeName: owner, AttributeType: S}
                        - {AttributeName: id, AttributeType: S}
                      KeySchema:
                        - {AttributeName: owner, KeyType: HASH}
                        - {AttributeName: id, KeyType: RANGE}
                      BillingMode: PAY_PER_REQUEST
                  ReadOnlyTranslations:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.lingogate.app.translations.TranslationsHandler::handleRequest
                      Runtime: java17
                      CodeUri: %s
                      MemorySize: 512
                      Timeout: 15
                      Environment:
                        Variables:
                          TABLE_NAME: !Ref History
                      Policies:
                        - DynamoDBReadPolicy:
                            TableName: !Ref History
                        - Statement:
                            - Effect: Allow
                              Action: translate:TranslateText
                              Resource: '*'
                      Events:
                        Create: {Type: Api, Properties: {Path: /translations, Method: post}}
                        List: {Type: Api, Properties: {Path: /translations, Method: get}}
                """.formatted(app));

        try (RunningStack stack = RunningStack.start(template, dir.resolve("data"))) {
            HttpResponse<String> listed = stack.get("/translations");
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);

            HttpResponse<String> created = stack.postJson("/translations",
                    "{\"text\":\"The house is big.\",\"source\":\"en\",\"target\":\"es\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(500);
            assertThat(created.body()).doesNotContain("AccessDenied");

            assertThat(Files.readString(dir.resolve("data/logs/ReadOnlyTranslations.log")))
                    .contains("is not authorized to perform: dynamodb:PutItem on resource: "
                            + "arn:aws:dynamodb:us-east-1:000000000000:table/History");
        }
    }
}
