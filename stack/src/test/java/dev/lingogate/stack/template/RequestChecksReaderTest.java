package dev.lingogate.stack.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Api event's {@code RequestParameters} and {@code RequestModel} against its API's {@code Models}. */
class RequestChecksReaderTest {

    private static final TemplateReader READER = new TemplateReader("lingogate", "us-east-1", "000000000000");

    @TempDir
    Path dir;

    @Test
    void requiredParametersAndABodyModelAreReadAsSamWritesThem() throws IOException {
        Template template = read("""
                      RequestParameters:
                        - method.request.header.X-Declared
                        - method.request.querystring.q: {Required: true}
                        - method.request.header.X-Source: {Required: true, Caching: true}
                        - method.request.querystring.page: {Caching: true}
                        - method.request.path.id: {Required: true}
                      RequestModel: {Model: Translation, Required: true, ValidateBody: true}
                """);

        RequestChecks checks = template.function("Fn").routes().get(0).checks();
        assertThat(checks.requiredParameters())
                .containsExactly("method.request.querystring.q", "method.request.header.X-Source");
        assertThat(new ObjectMapper().readTree(checks.bodyModel())).isEqualTo(new ObjectMapper().readTree("""
                {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
                 "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}}"""));
    }

    @Test
    void requiredParametersAreEnforcedOnlyWhenTheModelValidatesParametersAsSamAddsAValidatorOnlyThen()
            throws IOException {
        RequestChecks documented = read("""
                      RequestParameters: [method.request.querystring.q: {Required: true}]
                """).function("Fn").routes().get(0).checks();
        RequestChecks validated = read("""
                      RequestParameters: [method.request.querystring.q: {Required: true}]
                      RequestModel: {Model: Translation, ValidateParameters: true}
                """).function("Fn").routes().get(0).checks();

        assertThat(documented.requiredParameters()).containsExactly("method.request.querystring.q");
        assertThat(documented.enforcedParameters()).isEmpty();
        assertThat(validated.enforcedParameters()).containsExactly("method.request.querystring.q");
        assertThat(validated.bodyModel()).isNull();
    }

    @Test
    void aValidateParametersThatIsNotABooleanIsRefused() throws IOException {
        assertThatThrownBy(() -> read("""
                      RequestModel: {Model: Translation, ValidateParameters: sometimes}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Fn.Properties.Events.Post.Properties.RequestModel.ValidateParameters must be "
                        + "true or false, not sometimes");
    }

    @Test
    void aModelThatIsNotToBeValidatedChecksNothing() throws IOException {
        Template template = read("""
                      RequestModel: {Model: Translation, Required: true}
                """);

        assertThat(template.function("Fn").routes().get(0).checks()).isEqualTo(RequestChecks.NONE);
    }

    @Test
    void aModelTheApiDoesNotDefineIsRefused() throws IOException {
        assertThatThrownBy(() -> read("""
                      RequestModel: {Model: Missing, ValidateBody: true}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Fn.Properties.Events.Post.Properties.RequestModel.Model names Missing, which is "
                        + "not among Resources.Api.Properties.Models [Translation]");
    }

    @Test
    void aRequestParameterNotInSamsFormIsRefused() throws IOException {
        assertThatThrownBy(() -> read("""
                      RequestParameters: [{querystring.q: {Required: true}}]
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Fn.Properties.Events.Post.Properties.RequestParameters[0]: querystring.q is not a "
                        + "request parameter; write method.request.header.<name>, method.request.querystring.<name> or "
                        + "method.request.path.<name>");
    }

    @Test
    void requestParametersThatAreNotAListAreRefused() throws IOException {
        assertThatThrownBy(() -> read("""
                      RequestParameters: {method.request.querystring.q: {Required: true}}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Fn.Properties.Events.Post.Properties.RequestParameters must be a list");
    }

    private Template read(String eventProperties) throws IOException {
        return READER.read(Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      Models:
                        Translation:
                          $schema: http://json-schema.org/draft-04/schema#
                          type: object
                          required: [text]
                          properties:
                            text: {type: string, minLength: 1}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Runtime: java17
                      CodeUri: app
                      Events:
                        Post:
                          Type: Api
                          Properties:
                            RestApiId: !Ref Api
                            Path: /translations
                            Method: post
                """ + eventProperties.indent(6)));
    }
}
