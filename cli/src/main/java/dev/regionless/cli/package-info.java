/**
 * The {@code regionless} command. Each subcommand is one small class; they start regions through
 * {@link dev.regionless.region.RegionSet} or talk to a running one through its {@code endpoints.json} and admin API.
 */
package dev.regionless.cli;
