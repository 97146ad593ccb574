package dev.lingogate.bench.translate;

import dev.lingogate.bench.wire.KeepAliveConnection;
import dev.lingogate.bench.wire.WireRequest;
import java.net.URI;
import java.util.List;

/**
 * A server that translates one English sentence into Spanish per request, called the way its own
 * clients call it. Its requests are written out before a pass ({@link #requests}) and sent over
 * {@link KeepAliveConnection}s, the same lean client for every server, so that what a pass measures
 * is the server. A request counts as an error unless the answer is 200 and holds
 * {@link #translationField()}.
 */
interface TranslationTarget {

    /** The row label: what is being measured, as a reader of the table knows it. */
    String label();

    /** Where requests go: scheme, host and port. */
    URI server();

    /** One request per sentence, in order; called just before each pass, since a signature holds for minutes only. */
    List<WireRequest> requests(List<String> sentences);

    /** The JSON member of a successful answer that holds the translation, quotes included. */
    String translationField();
}
