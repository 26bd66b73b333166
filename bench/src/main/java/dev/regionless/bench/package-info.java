/**
 * Benchmarks, run as commands. Each prints its figures beside a peer measured in the same run (a bare Vert.x server
 * for the gateway), because only the ratio survives a change of machine.
 */
package dev.regionless.bench;
