package dev.lingogate.edge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers an operation puts on its reply beyond its protocol's own, such as the chain a translation
 * went through. A member added to the body would be dropped by every AWS SDK, which reads the
 * members of AWS's model and no others; a header reaches the caller through any SDK
 * ({@code response.sdkHttpResponse().firstMatchingHeader(...)}). They are sent only if the call
 * succeeds.
 */
public final class ReplyHeaders {

    private final Map<String, String> added = new LinkedHashMap<>();

    public synchronized void put(String name, String value) {
        added.put(name, value);
    }

    /** The protocol's headers with these added. */
    public synchronized Map<String, String> addedTo(Map<String, String> protocolHeaders) {
        if (added.isEmpty()) {
            return protocolHeaders;
        }
        Map<String, String> headers = new LinkedHashMap<>(protocolHeaders);
        headers.putAll(added);
        return headers;
    }
}
