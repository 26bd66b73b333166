package dev.regionless.template;

/**
 * The two kinds of API Gateway API a SAM template declares; they differ in the event payload they send to functions
 * and in how CORS and throttling are configured.
 */
public enum ApiType {
    /** {@code AWS::Serverless::Api} and {@code Api} events: API Gateway REST APIs, payload format 1.0. */
    REST,
    /** {@code AWS::Serverless::HttpApi} and {@code HttpApi} events: API Gateway HTTP APIs, payload 2.0 by default. */
    HTTP
}
