package dev.lingogate.stack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.iam.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateReaderTest {

    private static final TemplateReader READER = new TemplateReader("lingogate", "eu-west-1", "000000000000");

    @TempDir
    Path dir;

    @Test
    void theProjectsTemplateDefinesTheAppsTableFunctionsAndRoutes() {
        Template template = READER.read(Path.of("../template.yaml"));

        assertThat(template.tables()).singleElement().satisfies(table -> {
            assertThat(table.tableName()).isEqualTo("lingogate-translations");
            assertThat(table.createTableInput()).containsEntry("BillingMode", "PAY_PER_REQUEST");
        });
        assertThat(template.functions()).extracting(FunctionSpec::logicalId)
                .containsExactlyInAnyOrder("TranslationsFunction", "TranslateFunction", "LanguagesFunction", "DetectFunction");
        FunctionSpec translations = template.function("TranslationsFunction");
        assertThat(translations.environment()).containsEntry("TABLE_NAME", "lingogate-translations");
        assertThat(translations.routes()).extracting(r -> r.method() + " " + r.path()).containsExactlyInAnyOrder(
                "POST /translations", "GET /translations", "GET /translations/{id}", "PUT /translations/{id}",
                "DELETE /translations/{id}");
        Policy policy = new Policy(translations.policy());
        assertThat(policy.allows("dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:000000000000:table/lingogate-translations"))
                .isTrue();
        assertThat(policy.allows("dynamodb:DeleteTable", "arn:aws:dynamodb:eu-west-1:000000000000:table/lingogate-translations"))
                .isFalse();
    }

    @Test
    void globalsApplyUnlessTheFunctionOverridesThem() throws IOException {
        Template template = READER.read(write("""
                Globals:
                  Function:
                    Runtime: java17
                    CodeUri: app
                    Timeout: 15
                    Environment:
                      Variables:
                        SHARED: from-globals
                        OVERRIDDEN: from-globals
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Timeout: 5
                      ReservedConcurrentExecutions: 2
                      AutoPublishAlias: live
                      ProvisionedConcurrencyConfig:
                        ProvisionedConcurrentExecutions: 1
                      Environment:
                        Variables:
                          OVERRIDDEN: from-function
                """));

        FunctionSpec function = template.function("Fn");
        assertThat(function.timeoutSeconds()).isEqualTo(5);
        assertThat(function.memoryMb()).isEqualTo(128);
        assertThat(function.reservedConcurrency()).isEqualTo(2);
        assertThat(function.provisionedConcurrency()).isEqualTo(1);
        assertThat(function.environment()).containsEntry("SHARED", "from-globals").containsEntry("OVERRIDDEN", "from-function");
    }

    @Test
    void intrinsicFunctionsResolveInShortAndLongForm() throws IOException {
        Template template = READER.read(write("""
                Parameters:
                  Stage:
                    Type: String
                    Default: dev
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub "${AWS::StackName}-${Stage}-items"
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Environment:
                        Variables:
                          TABLE: !Ref Table
                          TABLE_ARN: !GetAtt Table.Arn
                          LONG_FORM: {"Fn::Join": ["/", [{"Ref": "AWS::Region"}, !Select [1, [a, b, c]]]]}
                          SUB_WITH_VARS: !Sub ["${Name}@${AWS::AccountId}", {Name: !Ref Table}]
                          LITERAL: !Sub "${!NotAVariable}"
                """));

        assertThat(template.function("Fn").environment())
                .containsEntry("TABLE", "lingogate-dev-items")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:eu-west-1:000000000000:table/lingogate-dev-items")
                .containsEntry("LONG_FORM", "eu-west-1/b")
                .containsEntry("SUB_WITH_VARS", "lingogate-dev-items@000000000000")
                .containsEntry("LITERAL", "${NotAVariable}");
    }

    @Test
    void httpApiEventsDefaultToPayloadTwoAndAnyMethod() throws IOException {
        Template template = READER.read(writeFunction("""
                Events:
                  Everything:
                    Type: HttpApi
                    Properties:
                      Path: /files/{proxy+}
                  Old:
                    Type: HttpApi
                    Properties:
                      Path: /old
                      Method: get
                      PayloadFormatVersion: "1.0"
                """));

        assertThat(template.function("Fn").routes()).containsExactlyInAnyOrder(
                new RouteSpec("ANY", "/files/{proxy+}", true, "2.0", ApiSpec.IMPLICIT_HTTP_API, null, null, null),
                new RouteSpec("GET", "/old", true, "1.0", ApiSpec.IMPLICIT_HTTP_API, null, null, null));
    }

    @Test
    void aReferenceToNothingNamesWhatIsMissing() throws IOException {
        Path file = writeFunction("""
                Environment:
                  Variables:
                    TABLE: !Ref NoSuchTable
                """);

        assertThatThrownBy(() -> READER.read(file)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("Ref NoSuchTable");
    }

    @Test
    void aFunctionWithoutHandlerIsRefusedWithItsPath() throws IOException {
        Path file = write("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java17
                      CodeUri: app
                """);

        assertThatThrownBy(() -> READER.read(file)).isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Fn.Properties.Handler is required");
    }

    @Test
    void anUnsupportedPolicyTemplateIsNamed() throws IOException {
        Path file = writeFunction("""
                Policies:
                  - S3ReadPolicy:
                      BucketName: b
                """);

        assertThatThrownBy(() -> READER.read(file)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("the policy template S3ReadPolicy is not supported locally");
    }

    @Test
    void invalidYamlIsReportedAsSuch() throws IOException {
        Path file = write("Resources: [unclosed");

        assertThatThrownBy(() -> READER.read(file)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("is not valid YAML");
    }

    /** A template of one function, Fn, with the given properties besides Handler, Runtime and CodeUri. */
    private Path writeFunction(String moreProperties) throws IOException {
        return write("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                """ + moreProperties.indent(6));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("template.yaml"), yaml);
    }
}
