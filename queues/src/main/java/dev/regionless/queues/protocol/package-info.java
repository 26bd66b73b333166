/**
 * SQS on a region's service port, in both of its wire protocols: AWS JSON 1.0 ({@code X-Amz-Target:
 * AmazonSQS.Action}, what current SDKs send) and the older query protocol (form-encoded {@code Action=...}, XML
 * answers). A query request is read into the JSON request's shape and a result rendered back to XML, so each action
 * is written once; errors are rendered in one place.
 */
package dev.regionless.queues.protocol;
