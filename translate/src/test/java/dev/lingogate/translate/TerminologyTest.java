package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.translate.model.AppliedTerminology;
import software.amazon.awssdk.services.translate.model.Directionality;
import software.amazon.awssdk.services.translate.model.GetTerminologyResponse;
import software.amazon.awssdk.services.translate.model.ImportTerminologyResponse;
import software.amazon.awssdk.services.translate.model.InvalidParameterValueException;
import software.amazon.awssdk.services.translate.model.InvalidRequestException;
import software.amazon.awssdk.services.translate.model.LimitExceededException;
import software.amazon.awssdk.services.translate.model.ListTerminologiesResponse;
import software.amazon.awssdk.services.translate.model.MergeStrategy;
import software.amazon.awssdk.services.translate.model.ResourceNotFoundException;
import software.amazon.awssdk.services.translate.model.Term;
import software.amazon.awssdk.services.translate.model.TerminologyDataFormat;
import software.amazon.awssdk.services.translate.model.TerminologyProperties;
import software.amazon.awssdk.services.translate.model.TranslateException;
import software.amazon.awssdk.services.translate.model.TranslateTextResponse;

/** Custom terminologies through Amazon Translate's own API, with the AWS SDK for Java v2 (RPC v2 CBOR). */
class TerminologyTest {

    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSOLES = "en,es\nconsole,terminal\nAmazon Family,Amazon Familia\n";

    @TempDir
    static Path dataDir;

    private static TranslationEngine engine;
    private static RunningEdge edge;

    @BeforeAll
    static void start() {
        engine = startEngine();
        edge = new RunningEdge(engine.services());
    }

    @AfterAll
    static void stop() {
        edge.close();
        engine.close();
    }

    @AfterEach
    void deleteEveryTerminology() {
        edge.translate().listTerminologiesPaginator(r -> r.maxResults(10)).stream().flatMap(page -> page.terminologyPropertiesList().stream()).toList()
                .forEach(terminology -> edge.translate().deleteTerminology(r -> r.name(terminology.name())));
    }

    private static TranslationEngine startEngine() {
        return TranslationEngine.start(new TranslateOptions(TranslateOptions.defaults().modesDir(), 1, Duration.ofSeconds(15))
                .withDataDir(dataDir));
    }

    private ImportTerminologyResponse importTerminology(String name, String file, TerminologyDataFormat format, Directionality directionality) {
        return edge.translate().importTerminology(r -> r.name(name).mergeStrategy(MergeStrategy.OVERWRITE)
                .terminologyData(d -> d.format(format).directionality(directionality)
                        .file(SdkBytes.fromString(file, StandardCharsets.UTF_8))));
    }

    private TranslateTextResponse translate(String text, String source, String target, String terminology) {
        return edge.translate().translateText(r -> r.text(text).sourceLanguageCode(source).targetLanguageCode(target)
                .terminologyNames(terminology));
    }

    @Test
    void aGlossaryTermComesOutExactlyAsGivenWhereApertiumWouldTranslateItOtherwise() {
        importTerminology("consoles", CONSOLES, TerminologyDataFormat.CSV, Directionality.UNI);
        String text = "The console is broken.";
        assertThat(ApertiumCli.translate("eng-spa", text)).isEqualTo("La consola está rota.");

        TranslateTextResponse answer = translate(text, "en", "es", "consoles");

        assertThat(answer.translatedText()).isEqualTo("El terminal está roto.");
        assertThat(answer.appliedTerminologies()).containsExactly(AppliedTerminology.builder().name("consoles")
                .terms(Term.builder().sourceText("console").targetText("terminal").build()).build());
    }

    @Test
    void theTargetTermTakesTheCaseOfTheTextItReplaces() {
        importTerminology("consoles", CONSOLES, TerminologyDataFormat.CSV, Directionality.UNI);

        assertThat(translate("Open the CONSOLE.", "en", "es", "consoles").translatedText()).contains("TERMINAL").doesNotContain("CONSOLA");
        assertThat(translate("Console games are fun.", "en", "es", "consoles").translatedText()).contains("Terminal").doesNotContain("onsola");
    }

    @Test
    void theLongestTermWinsAndAMultiWordTermIsKeptWhole() {
        importTerminology("consoles", CONSOLES, TerminologyDataFormat.CSV, Directionality.UNI);
        String text = "Amazon Family is a service.";
        assertThat(ApertiumCli.translate("eng-spa", text)).doesNotContain("Amazon Familia");

        TranslateTextResponse answer = translate(text, "en", "es", "consoles");

        assertThat(answer.translatedText()).startsWith("Amazon Familia ");
        assertThat(answer.appliedTerminologies().get(0).terms()).extracting(Term::sourceText).containsExactly("Amazon Family");
    }

    @Test
    void aMultiDirectionalTsvGlossaryServesEitherDirection() {
        importTerminology("both-ways", "en\tes\nconsole\tterminal\n", TerminologyDataFormat.TSV, Directionality.MULTI);

        assertThat(translate("El terminal está roto.", "es", "en", "both-ways").translatedText()).isEqualTo("The console is broken.");
        assertThat(translate("The console is broken.", "en", "es", "both-ways").translatedText()).isEqualTo("El terminal está roto.");
    }

    @Test
    void aUniDirectionalGlossaryIsNotAppliedTheOtherWay() {
        importTerminology("consoles", CONSOLES, TerminologyDataFormat.CSV, Directionality.UNI);

        TranslateTextResponse answer = translate("El terminal está roto.", "es", "en", "consoles");

        assertThat(answer.translatedText()).isEqualTo(ApertiumCli.translate("spa-eng", "El terminal está roto."));
        assertThat(answer.appliedTerminologies().get(0).terms()).isEmpty();
    }

    @Test
    void aTmxGlossaryIsReadToo() {
        String tmx = """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header srclang="en" datatype="PlainText" segtype="phrase" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
                <body><tu><tuv xml:lang="en"><seg>console</seg></tuv><tuv xml:lang="es"><seg>terminal</seg></tuv></tu></body></tmx>
                """;
        importTerminology("tmx", tmx, TerminologyDataFormat.TMX, Directionality.UNI);

        assertThat(translate("The console is broken.", "en", "es", "tmx").translatedText()).isEqualTo("El terminal está roto.");
    }

    @Test
    void importedTerminologiesAreListedInPagesDescribedAndDeleted() throws Exception {
        ImportTerminologyResponse imported = importTerminology("consoles", CONSOLES, TerminologyDataFormat.CSV, Directionality.UNI);
        importTerminology("other", "en,fr,es\nhouse,maison,casa\n", TerminologyDataFormat.CSV, Directionality.UNI);

        TerminologyProperties properties = imported.terminologyProperties();
        assertThat(properties.name()).isEqualTo("consoles");
        assertThat(properties.arn()).isEqualTo("arn:aws:translate:us-east-1:000000000000:terminology/consoles/LATEST");
        assertThat(properties.sourceLanguageCode()).isEqualTo("en");
        assertThat(properties.targetLanguageCodes()).containsExactly("es");
        assertThat(properties.termCount()).isEqualTo(2);
        assertThat(properties.sizeBytes()).isEqualTo(CONSOLES.getBytes(StandardCharsets.UTF_8).length);
        assertThat(properties.format()).isEqualTo(TerminologyDataFormat.CSV);
        assertThat(properties.createdAt()).isNotNull();

        ListTerminologiesResponse first = edge.translate().listTerminologies(r -> r.maxResults(1));
        assertThat(first.terminologyPropertiesList()).extracting(TerminologyProperties::name).containsExactly("consoles");
        ListTerminologiesResponse second = edge.translate().listTerminologies(r -> r.maxResults(1).nextToken(first.nextToken()));
        assertThat(second.terminologyPropertiesList()).extracting(TerminologyProperties::name).containsExactly("other");
        assertThat(second.nextToken()).isNull();

        GetTerminologyResponse other = edge.translate().getTerminology(r -> r.name("other"));
        assertThat(other.terminologyProperties().targetLanguageCodes()).containsExactly("fr", "es");
        assertThat(Files.readString(Path.of(java.net.URI.create(other.terminologyDataLocation().location()))))
                .isEqualTo("en,fr,es\nhouse,maison,casa\n");
        GetTerminologyResponse asTsv = edge.translate().getTerminology(r -> r.name("other").terminologyDataFormat(TerminologyDataFormat.TSV));
        assertThat(Files.readString(Path.of(java.net.URI.create(asTsv.terminologyDataLocation().location()))))
                .isEqualTo("en\tfr\tes\nhouse\tmaison\tcasa\n");

        edge.translate().deleteTerminology(r -> r.name("other"));
        assertThatThrownBy(() -> edge.translate().getTerminology(r -> r.name("other")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The terminology other could not be found.");
                });
        assertThat(edge.translate().listTerminologies(r -> { }).terminologyPropertiesList()).hasSize(1);
    }

    @Test
    void importingTheSameNameOverwritesTheTerminologyAndKeepsItsCreationTime() {
        TerminologyProperties first = importTerminology("consoles", CONSOLES, TerminologyDataFormat.CSV, Directionality.UNI).terminologyProperties();

        TerminologyProperties second = importTerminology("consoles", "en,es\nconsole,pupitre\n", TerminologyDataFormat.CSV, Directionality.UNI)
                .terminologyProperties();

        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.termCount()).isEqualTo(1);
        assertThat(translate("The console is broken.", "en", "es", "consoles").translatedText()).isEqualTo("El pupitre está roto.");
    }

    @Test
    void terminologiesSurviveARestartOfTheEngine() {
        importTerminology("consoles", CONSOLES, TerminologyDataFormat.CSV, Directionality.UNI);

        try (TranslationEngine restarted = startEngine(); RunningEdge restartedEdge = new RunningEdge(restarted.services())) {
            assertThat(restartedEdge.translate().listTerminologies(r -> { }).terminologyPropertiesList())
                    .extracting(TerminologyProperties::name).containsExactly("consoles");
            assertThat(restartedEdge.translate().translateText(r -> r.text("The console is broken.").sourceLanguageCode("en")
                    .targetLanguageCode("es").terminologyNames("consoles")).translatedText()).isEqualTo("El terminal está roto.");
        }
    }

    @Test
    void termsThatBreakAwsLimitsAreSkippedAndCounted() {
        String file = "en,es\nconsole,terminal\n" + "x".repeat(201) + ",y\nlonely\n";

        TerminologyProperties properties = importTerminology("skips", file, TerminologyDataFormat.CSV, Directionality.UNI)
                .terminologyProperties();

        assertThat(properties.termCount()).isEqualTo(1);
        assertThat(properties.skippedTermCount()).isEqualTo(2);
        assertThat(properties.message()).contains("2 term(s) were skipped");
    }

    @Test
    void theAwsCliImportsATerminologyAndTranslatesWithIt() throws Exception {
        assumeTrue(Files.isExecutable(AWS_CLI), "the AWS CLI is not installed at /usr/bin/aws");
        Path file = Files.writeString(dataDir.resolve("consoles.csv"), CONSOLES);

        JsonNode imported = JSON.readTree(aws("translate", "import-terminology", "--name", "cli-consoles",
                "--merge-strategy", "OVERWRITE", "--data-file", "fileb://" + file, "--terminology-data", "Format=CSV,Directionality=UNI"));
        JsonNode translated = JSON.readTree(aws("translate", "translate-text", "--text", "The console is broken.",
                "--source-language-code", "en", "--target-language-code", "es", "--terminology-names", "cli-consoles"));
        JsonNode listed = JSON.readTree(aws("translate", "list-terminologies"));

        assertThat(imported.at("/TerminologyProperties/TermCount").asInt()).isEqualTo(2);
        assertThat(imported.at("/TerminologyProperties/Arn").asText()).endsWith(":terminology/cli-consoles/LATEST");
        assertThat(translated.path("TranslatedText").asText()).isEqualTo("El terminal está roto.");
        assertThat(translated.at("/AppliedTerminologies/0/Terms/0/TargetText").asText()).isEqualTo("terminal");
        assertThat(listed.at("/TerminologyPropertiesList/0/Name").asText()).isEqualTo("cli-consoles");
    }

    /** Runs the Debian AWS CLI (JSON 1.1) against the edge with the test's admin key; answers its standard output. */
    private static String aws(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS_CLI.toString(), "--endpoint-url", edge.endpoint().toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(arguments));
        Path errors = Files.createTempFile(dataDir, "aws", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        environment.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        environment.put("AWS_CONFIG_FILE", dataDir.resolve("no-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", dataDir.resolve("no-credentials").toString());
        environment.put("AWS_MAX_ATTEMPTS", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("aws %s: %s", arguments[1], Files.readString(errors)).isZero();
        return output;
    }

    @Test
    void aNameOutsideAwsPatternIsRejectedWithValidationException() {
        assertThatThrownBy(() -> importTerminology("no spaces", CONSOLES, TerminologyDataFormat.CSV, Directionality.UNI))
                .isInstanceOfSatisfying(TranslateException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'no spaces' at 'name' "
                            + "failed to satisfy constraint: Member must satisfy regular expression pattern: ^([A-Za-z0-9-]_?)+$");
                });
    }

    @Test
    void aFileWithoutLanguageHeaderIsRejectedWithInvalidParameterValue() {
        assertThatThrownBy(() -> importTerminology("bad", "console,terminal\n", TerminologyDataFormat.CSV, Directionality.UNI))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The terminology file's first row must name a language "
                            + "in each column, e.g. en,fr; 'console' is not a language code.");
                });
    }

    @Test
    void aMalformedTmxIsRejectedWithInvalidParameterValue() {
        assertThatThrownBy(() -> importTerminology("bad", "<tmx><body>", TerminologyDataFormat.TMX, Directionality.UNI))
                .isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).startsWith("The TMX terminology file is not well-formed XML"));
    }

    @Test
    void aFileOverTenMegabytesIsRejectedWithValidationException() {
        String file = "en,es\n" + "a,b\n".repeat(10 * 1024 * 1024 / 4);

        assertThatThrownBy(() -> importTerminology("big", file, TerminologyDataFormat.CSV, Directionality.UNI))
                .isInstanceOfSatisfying(TranslateException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value at "
                            + "'terminologyData.file' failed to satisfy constraint: Member must have length less than or equal to 10485760");
                });
    }

    @Test
    void theHundredAndFirstTerminologyIsRejectedWithLimitExceeded() {
        for (int i = 0; i < 100; i++) {
            String name = "t" + i;
            importTerminology(name, "en,es\na,b\n", TerminologyDataFormat.CSV, Directionality.UNI);
        }

        assertThatThrownBy(() -> importTerminology("one-too-many", "en,es\na,b\n", TerminologyDataFormat.CSV, Directionality.UNI))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("The account already holds 100 custom terminologies"));
        importTerminology("t0", "en,es\na,c\n", TerminologyDataFormat.CSV, Directionality.UNI);
    }

    @Test
    void translatingWithAnUnknownTerminologyIsResourceNotFound() {
        assertThatThrownBy(() -> translate("Hello", "en", "es", "missing"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The terminology missing could not be found."));
    }

    @Test
    void translatingWithTwoTerminologiesIsAnInvalidRequest() {
        importTerminology("consoles", CONSOLES, TerminologyDataFormat.CSV, Directionality.UNI);

        assertThatThrownBy(() -> edge.translate().translateText(r -> r.text("Hello").sourceLanguageCode("en")
                        .targetLanguageCode("es").terminologyNames("consoles", "consoles")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Only one custom terminology can be applied per request; TerminologyNames names 2."));
    }

    @Test
    void deletingAnUnknownTerminologyIsResourceNotFound() {
        assertThatThrownBy(() -> edge.translate().deleteTerminology(r -> r.name("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aMultiDirectionalTerminologyIsOnlyGivenInItsOwnFormat() {
        importTerminology("both-ways", "en\tes\nconsole\tterminal\n", TerminologyDataFormat.TSV, Directionality.MULTI);

        assertThatThrownBy(() -> edge.translate().getTerminology(r -> r.name("both-ways").terminologyDataFormat(TerminologyDataFormat.CSV)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The terminology both-ways is multi-directional: it can only be retrieved in the format it was imported in, TSV."));
    }

    @Test
    void aForgedNextTokenIsRejectedWithInvalidParameterValue() {
        assertThatThrownBy(() -> edge.translate().listTerminologies(r -> r.nextToken("not a token!")))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void aCallerWithoutPermissionCannotImport() {
        assertThatThrownBy(() -> edge.deniedTranslate().importTerminology(r -> r.name("x").mergeStrategy(MergeStrategy.OVERWRITE)
                        .terminologyData(d -> d.format(TerminologyDataFormat.CSV).file(SdkBytes.fromUtf8String(CONSOLES)))))
                .isInstanceOfSatisfying(TranslateException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("translate:ImportTerminology");
                });
    }
}
