package dev.lingogate.gateway;

/**
 * The shape of the Lambda proxy event and answer: {@code V1} is what REST APIs ({@code Api} events)
 * send, {@code V2} what HTTP APIs ({@code HttpApi} events) send unless told to use 1.0.
 */
public enum PayloadFormat { V1, V2 }
