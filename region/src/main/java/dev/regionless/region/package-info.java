/**
 * One region, assembled by hand from the services: a service port for the AWS-compatible APIs, an app port for
 * the application's HTTP APIs, an admin port, and a data folder; and {@link dev.regionless.region.RegionSet}, which
 * runs several regions in one JVM and deploys one template to all of them.
 */
package dev.regionless.region;
