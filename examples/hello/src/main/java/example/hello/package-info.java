/**
 * The hello example: a plain Lambda handler with no Regionless dependency, the same jar that would run on AWS.
 */
package example.hello;
