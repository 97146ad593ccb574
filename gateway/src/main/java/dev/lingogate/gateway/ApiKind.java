package dev.lingogate.gateway;

/**
 * Which flavour of Amazon API Gateway to imitate where the two differ for the whole API:
 * a REST API answers an unknown route with 403 "Missing Authentication Token", an HTTP API with 404.
 */
public enum ApiKind { REST, HTTP }
