package dev.regionless.gateway;

/**
 * An API Gateway authorizer of an API: a Lambda function that decides ({@link LambdaAuthorizer}), or a JSON Web Token
 * check against an issuer's keys ({@link JwtAuthorizer}, HTTP APIs only). Routes name the authorizer that guards them.
 */
public sealed interface Authorizer permits LambdaAuthorizer, JwtAuthorizer {

    /** The authorizer's name, unique in its API; routes refer to it by this name. */
    String name();
}
