package dev.lingogate.edge;

import io.vertx.core.http.HttpServerResponse;

/**
 * AWS's endpoints let a browser call them from any page (the AWS SDK for JavaScript does): a call
 * that names its {@code Origin} is answered with {@code Access-Control-Allow-Origin: *}, and a
 * preflight is answered before anything else is looked at, granting the headers and method asked for.
 */
final class CrossOrigin {

    /** How long, in seconds, a browser may keep a preflight's answer: AWS's two days. */
    private static final String MAX_AGE = "172800";

    private CrossOrigin() {
    }

    /**
     * Puts the cross-origin headers the call asks for on {@code response}; true when the call is a
     * preflight, which those headers answer whole (the caller ends the response).
     */
    static boolean answer(IncomingCall call, HttpServerResponse response) {
        if (call.header("origin") == null) {
            return false;
        }
        response.putHeader("Access-Control-Allow-Origin", "*");
        if (!call.method().equals("OPTIONS")) {
            return false;
        }
        String headers = call.header("access-control-request-headers");
        if (headers != null) {
            response.putHeader("Access-Control-Allow-Headers", headers);
        }
        String method = call.header("access-control-request-method");
        if (method != null) {
            response.putHeader("Access-Control-Allow-Methods", method);
        }
        response.putHeader("Access-Control-Max-Age", MAX_AGE);
        return true;
    }
}
