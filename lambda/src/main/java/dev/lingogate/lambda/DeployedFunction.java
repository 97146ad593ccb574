package dev.lingogate.lambda;

import java.time.Instant;

/** A function as the host holds it: its definition, and when that was registered (Lambda's LastModified). */
public record DeployedFunction(FunctionDefinition definition, Instant lastModified) {}
