/**
 * The wire adapter for DynamoDB's JSON protocol: reading and writing attribute values and items as DynamoDB JSON.
 * It turns malformed input into DynamoDB's own error texts, so the AWS SDKs see the answers they expect.
 */
package dev.regionless.tables.protocol;
