package dev.lingogate.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSurvivesRestartTest {

    @TempDir
    Path data;

    @Test
    void historyIsStillThereAfterTheStackIsRestarted() {
        String id;
        try (RunningStack first = RunningStack.start(data)) {
            HttpResponse<String> created = first.postJson("/translations",
                    "{\"text\":\"The house is big.\",\"source\":\"en\",\"target\":\"es\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            id = first.json(created).get("id").asText();
        }

        try (RunningStack second = RunningStack.start(data)) {
            HttpResponse<String> read = second.get("/translations/" + id);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(second.json(read).get("translatedText").asText()).isEqualTo("La casa es grande.");
        }
    }
}
