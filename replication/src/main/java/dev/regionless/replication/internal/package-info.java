/**
 * How replication works: the links that ship a region's changes, their persisted cursors, the wire format, the
 * receiving endpoint, and the control plane that adds and fills replicas. Only the region wires these together,
 * through {@link dev.regionless.replication.Replication}.
 */
package dev.regionless.replication.internal;
