package dev.lingogate.iam.policy;

public enum Effect {
    ALLOW,
    DENY;

    public static Effect parse(String text) {
        return switch (text) {
            case "Allow" -> ALLOW;
            case "Deny" -> DENY;
            default -> throw new IllegalArgumentException("Effect must be Allow or Deny, not " + text);
        };
    }
}
