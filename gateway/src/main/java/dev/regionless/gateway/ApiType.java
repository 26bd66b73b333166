package dev.regionless.gateway;

/**
 * The two kinds of API Gateway API the gateway serves. They differ in URL layout (REST APIs always have a stage
 * prefix), in their default error answers (REST: 403 {@code Missing Authentication Token}, 502 on function errors;
 * HTTP: 404 {@code Not Found}, 500), in CORS handling and in how request bodies are judged binary.
 */
public enum ApiType {
    /** An API Gateway REST API ({@code AWS::Serverless::Api}, {@code AWS::ApiGateway::RestApi}); payload 1.0. */
    REST,
    /** An API Gateway HTTP API ({@code AWS::Serverless::HttpApi}, {@code AWS::ApiGatewayV2::Api}). */
    HTTP
}
