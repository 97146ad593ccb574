package dev.lingogate.lambda;

/** A function name the host does not know. */
public final class FunctionNotFoundException extends RuntimeException {

    private final String functionName;

    public FunctionNotFoundException(String functionName) {
        super("Function not found: " + functionName);
        this.functionName = functionName;
    }

    public String functionName() {
        return functionName;
    }
}
