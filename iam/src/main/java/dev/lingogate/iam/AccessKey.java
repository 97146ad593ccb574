package dev.lingogate.iam;

import java.security.SecureRandom;
import java.util.Objects;

/** An access key pair, as AWS hands them out: the id travels with every request, the secret never does. */
public record AccessKey(String id, String secret) {

    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
    }

    /** A fresh key pair shaped like AWS's (20-character id, 40-character secret). */
    public static AccessKey generate(String idPrefix) {
        return new AccessKey(idPrefix + random(ID_ALPHABET, 20 - idPrefix.length()), random(SECRET_ALPHABET, 40));
    }

    private static String random(char[] alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet[RANDOM.nextInt(alphabet.length)]);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "AccessKey[" + id + "]";
    }
}
