/**
 * The wire adapter for DynamoDB's JSON protocol: reading and writing attribute values and items as DynamoDB JSON,
 * and the DynamoDB Streams API ({@link dev.regionless.tables.protocol.StreamsApi}), one small class per action.
 * It turns malformed input into DynamoDB's own error texts, so the AWS SDKs see the answers they expect.
 */
package dev.regionless.tables.protocol;
