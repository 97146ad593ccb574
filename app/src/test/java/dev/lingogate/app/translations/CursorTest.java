package dev.lingogate.app.translations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.app.http.HttpError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorTest {
    private static final TranslationId ID = new TranslationId("01JD3Z8Q4X7M2N5P6R8S9T0V1W");

    @Test
    void aCursorReadsBackAsTheIdItWasMadeFrom() {
        assertThat(Cursor.decode(new Cursor(ID).encode()).after()).isEqualTo(ID);
    }

    @Test
    void aCursorIsUrlSafe() {
        assertThat(new Cursor(ID).encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTamperedCursorIsRejectedNamingTheParameter() {
        String tampered = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("01JD3Z8Q4X7M2N5P6R8S9T0V1W' OR 1=1".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Cursor.decode(tampered))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("cursor is not valid");
    }

    @Test
    void aCursorThatIsNotBase64IsRejected() {
        assertThatThrownBy(() -> Cursor.decode("not a cursor!"))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("cursor is not valid");
    }
}
