package dev.lingogate.translate.remote;

/** One attempt at a remote engine that did not give a translation, and whether trying again may help. */
final class RemoteFailure extends Exception {

    /** What went wrong, as far as deciding the next step goes. */
    enum Kind {
        /** Timeout, refused connection, 429, 5xx: worth another attempt after a pause. */
        PASSING,
        /** The engine does not translate this pair. */
        UNSUPPORTED_PAIR,
        /** Anything else the engine refused (bad key, bad request): no use asking it again. */
        REFUSED
    }

    private final Kind kind;

    RemoteFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** The kind an HTTP status stands for, with LibreTranslate's and DeepL's statuses for an unknown language. */
    static Kind ofStatus(int status) {
        if (status == 429 || status >= 500) {
            return Kind.PASSING;
        }
        return status == 400 ? Kind.UNSUPPORTED_PAIR : Kind.REFUSED;
    }
}
