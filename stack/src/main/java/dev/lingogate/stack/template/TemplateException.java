package dev.lingogate.stack.template;

/** A template.yaml that cannot be run: the message names the resource and property at fault. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
