/**
 * Quack, the global chat: the six handlers of the original app (Health, History, OnConnect, OnDisconnect, Send,
 * StreamReader) plus Web, which serves the browser page. Plain Lambda handlers using {@code aws-lambda-java-events}
 * and the AWS SDK for Java v2 with default configuration, so the same jar runs on AWS.
 */
package example.quack;
