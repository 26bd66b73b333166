/**
 * SNS on the service port: the query protocol ({@code Action=Publish&Version=2010-03-31}, XML answers) that the AWS
 * SDKs speak to SNS, one small unit per group of actions, errors rendered in one place.
 */
package dev.regionless.events.topics.protocol;
