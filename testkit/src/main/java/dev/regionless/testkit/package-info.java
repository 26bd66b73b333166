/**
 * Regions for users' own tests: {@link dev.regionless.testkit.RegionExtension} starts real regions in the test's
 * JVM on free ports, deploys a template, and hands out AWS SDK clients and URLs pointed at them.
 */
package dev.regionless.testkit;
