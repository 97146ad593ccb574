package dev.lingogate.iam.policy;

import java.util.regex.Pattern;

/**
 * An IAM pattern for actions or resources: {@code *} matches any run of characters and {@code ?}
 * any one character. Actions compare without regard to case, resources with it, as IAM does.
 */
final class ArnPattern {

    private final Pattern pattern;

    private ArnPattern(String text, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString(), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
    }

    static ArnPattern action(String text) {
        return new ArnPattern(text, false);
    }

    static ArnPattern resource(String text) {
        return new ArnPattern(text, true);
    }

    boolean matches(String value) {
        return pattern.matcher(value).matches();
    }
}
