package dev.lingogate.gateway.authorization;

/**
 * One of an API's authorizers ({@code Auth.Authorizers} in the template): a Lambda authorizer, or,
 * for HTTP APIs, a JWT authorizer.
 */
public sealed interface Authorizer permits LambdaAuthorizer, JwtAuthorizer {}
